#include "crm/models/cross_validation.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "crm/models/booster.h"
#include "crm/models/calibrator.h"
#include "crm/models/folds.h"

namespace crm::models {

namespace {

//! Trains on the rows outside `fold` and writes the raw predictions of the rows inside it.
Status PredictFold(const TrainingSet& set, const BoosterSettings& settings, const std::vector<int>& folds,
                   int fold, std::vector<float>& raw) {
  const std::vector<int32_t> train_rows = RowsNotInFold(folds, fold);
  const std::vector<int32_t> test_rows = RowsInFold(folds, fold);
  const FeatureMatrix train = set.x.SelectRows(train_rows);
  std::vector<float> labels;
  labels.reserve(train_rows.size());
  for (int32_t row : train_rows) labels.push_back(set.labels[row]);
  Result<Booster> booster = Booster::Train(train, labels, settings);
  if (!booster.ok()) return booster.error();
  Result<std::vector<float>> predicted = booster->Predict(set.x.SelectRows(test_rows));
  if (!predicted.ok()) return predicted.error();
  for (size_t i = 0; i < test_rows.size(); ++i) raw[test_rows[i]] = (*predicted)[i];
  return Status::Ok();
}

//! Calibrates each fold's raw predictions with a calibrator fitted on the other folds'.
std::vector<float> CrossFitCalibration(const TrainingSet& set, const CrossValidation& cv) {
  std::vector<float> calibrated(cv.raw.size());
  for (int fold = 0; fold < cv.folds; ++fold) {
    std::vector<float> scores, labels;
    for (int32_t row : RowsNotInFold(cv.fold_of_row, fold)) {
      scores.push_back(cv.raw[row]);
      labels.push_back(set.labels[row]);
    }
    const Calibrator calibrator = ChooseCalibrator(scores, labels);
    for (int32_t row : RowsInFold(cv.fold_of_row, fold)) {
      calibrated[row] = static_cast<float>(calibrator.Apply(cv.raw[row]));
    }
  }
  return calibrated;
}

}  // namespace

Result<std::vector<CrossValidation>> CrossValidateEach(const TrainingSet& set,
                                                       std::span<const BoosterSettings> grid, int folds,
                                                       uint64_t seed) {
  const std::vector<int> fold_of_row = StratifiedGroupFolds(set.labels, set.entities, folds, seed);
  int used = 0;
  for (int fold : fold_of_row) used = std::max(used, fold + 1);
  std::vector<CrossValidation> runs(grid.size());
  for (CrossValidation& cv : runs) {
    cv.folds = used;
    cv.fold_of_row = fold_of_row;
    cv.raw.assign(set.size(), 0.0f);
  }
  // One job per (setting, fold), shared by two threads: every fold of every setting is independent, so
  // neither thread waits for the other until the last job (five folds of one setting alone would leave
  // a core idle for the fifth).
  const int jobs = static_cast<int>(grid.size()) * used;
  std::vector<Status> statuses(static_cast<size_t>(jobs));
  std::atomic<int> next{0};
  auto worker = [&] {
    for (int job = next++; job < jobs; job = next++) {
      const size_t setting = static_cast<size_t>(job / used);
      BoosterSettings one_thread = grid[setting];
      one_thread.nthread = 1;
      statuses[job] = PredictFold(set, one_thread, fold_of_row, job % used, runs[setting].raw);
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();
  for (const Status& status : statuses) {
    if (!status.ok()) return status.error();
  }
  for (CrossValidation& cv : runs) cv.calibrated = CrossFitCalibration(set, cv);
  return runs;
}

Result<CrossValidation> CrossValidate(const TrainingSet& set, const BoosterSettings& settings, int folds,
                                      uint64_t seed) {
  Result<std::vector<CrossValidation>> runs = CrossValidateEach(set, {&settings, 1}, folds, seed);
  if (!runs.ok()) return runs.error();
  return std::move(runs->front());
}

}  // namespace crm::models
