#pragma once
// The cross-validation of a grid of settings as jobs of a JobPool, so that the fits of several models
// can share two threads; and the cross-fitted calibration of one setting's out-of-fold predictions.

#include <atomic>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "crm/common/result.h"
#include "crm/models/booster_settings.h"
#include "crm/models/cross_validation.h"
#include "crm/models/training_matrix.h"
#include "crm/models/training_set.h"
#include "job_pool.h"

namespace crm::models {

//! The cross-validation of each setting of a grid on the same folds: one job per (fold, setting), each
//! fitting one booster on one thread and predicting the fold's held-out rows. The settings of one fold
//! train one after the other on one TrainingMatrix (built by the first, freed after the last, so that
//! XGBoost sketches each fold once), different folds side by side. The settings' nthread is ignored.
class GridCrossValidation {
 public:
  //! Prepares the folds of `set` (which must outlive the jobs).
  GridCrossValidation(const TrainingSet& set, std::span<const BoosterSettings> grid, int folds,
                      uint64_t seed);

  //! Adds the jobs to `pool` (ranked `rank`, in fold order); `done`, when given, runs in the pool right
  //! after the last job.
  void AddJobs(JobPool& pool, int64_t rank, JobPool::Job done = {});
  //! Once the jobs have run: the raw out-of-fold predictions of each setting (calibrated left empty),
  //! or the first fit's Error.
  Result<std::vector<CrossValidation>> Take();

 private:
  //! One fold's rows, built by its first job and freed after its last.
  struct Fold {
    std::optional<TrainingMatrix> train;  //!< the rows outside the fold
    FeatureMatrix test;                   //!< the rows inside it
    std::vector<int32_t> test_rows;       //!< their rows in the set
    Status built = Status::Ok();          //!< why the matrices could not be built
    size_t fitted = 0;                    //!< settings done
  };
  //! Builds the matrices of fold `fold`.
  Status BuildFold(size_t fold);
  //! Trains setting `setting` on fold `fold` and writes its held-out predictions.
  Status Fit(size_t fold, size_t setting);

  const TrainingSet& set_;
  std::vector<BoosterSettings> grid_;
  std::vector<int> fold_of_row_;
  std::vector<Fold> folds_;
  std::vector<CrossValidation> runs_;
  std::vector<Status> statuses_;  //!< one per job
  std::atomic<size_t> remaining_{0};
};

//! Fills cv.calibrated: each fold's raw predictions calibrated by a calibrator fitted on the other folds'.
void CalibrateCrossFitted(const TrainingSet& set, CrossValidation& cv);

}  // namespace crm::models
