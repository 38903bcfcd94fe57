#include "crm/models/cross_validation.h"

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

Result<CrossValidation> CrossValidate(const TrainingSet& set, const BoosterSettings& settings, int folds,
                                      uint64_t seed) {
  CrossValidation cv;
  cv.fold_of_row = StratifiedGroupFolds(set.labels, set.entities, folds, seed);
  for (int fold : cv.fold_of_row) cv.folds = std::max(cv.folds, fold + 1);
  cv.raw.assign(set.size(), 0.0f);
  BoosterSettings one_thread = settings;
  one_thread.nthread = 1;
  std::vector<Status> statuses(static_cast<size_t>(cv.folds));
  std::atomic<int> next{0};
  auto worker = [&] {
    for (int fold = next++; fold < cv.folds; fold = next++) {
      statuses[fold] = PredictFold(set, one_thread, cv.fold_of_row, fold, cv.raw);
    }
  };
  std::thread helper(worker);
  worker();
  helper.join();
  for (const Status& status : statuses) {
    if (!status.ok()) return status.error();
  }
  cv.calibrated = CrossFitCalibration(set, cv);
  return cv;
}

}  // namespace crm::models
