#include "crm/models/cross_validation.h"

#include <algorithm>
#include <cmath>

#include "crm/models/booster.h"
#include "crm/models/calibrator.h"
#include "crm/models/folds.h"
#include "cross_validation_jobs.h"

namespace crm::models {

namespace {

//! The indices of `grid`, the settings that grow the most tree nodes first (rounds times the leaves of
//! a full tree of their depth: about what a fit costs).
std::vector<size_t> CostliestFirst(std::span<const BoosterSettings> grid) {
  std::vector<size_t> order(grid.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto cost = [&](size_t i) {
    return static_cast<double>(grid[i].rounds) * std::exp2(grid[i].max_depth);
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return cost(a) > cost(b); });
  return order;
}

}  // namespace

GridCrossValidation::GridCrossValidation(const TrainingSet& set, std::span<const BoosterSettings> grid,
                                         int folds, uint64_t seed)
    : set_(set),
      grid_(grid.begin(), grid.end()),
      fold_of_row_(StratifiedGroupFolds(set.labels, set.entities, folds, seed)) {
  int used = 0;
  for (int fold : fold_of_row_) used = std::max(used, fold + 1);
  folds_.resize(static_cast<size_t>(used));
  runs_.resize(grid_.size());
  for (CrossValidation& cv : runs_) {
    cv.folds = used;
    cv.fold_of_row = fold_of_row_;
    cv.raw.assign(set.size(), 0.0f);
  }
  statuses_.assign(folds_.size() * grid_.size(), Status::Ok());
}

Status GridCrossValidation::BuildFold(size_t fold_index) {
  Fold& fold = folds_[fold_index];
  const int number = static_cast<int>(fold_index);
  const std::vector<int32_t> train_rows = RowsNotInFold(fold_of_row_, number);
  std::vector<float> labels;
  labels.reserve(train_rows.size());
  for (int32_t row : train_rows) labels.push_back(set_.labels[row]);
  Result<TrainingMatrix> train = TrainingMatrix::Create(set_.x.SelectRows(train_rows), labels, 1);
  if (!train.ok()) return train.error();
  fold.train = std::move(train).value();
  fold.test_rows = RowsInFold(fold_of_row_, number);
  fold.test = set_.x.SelectRows(fold.test_rows);
  return Status::Ok();
}

Status GridCrossValidation::Fit(size_t fold_index, size_t setting) {
  Fold& fold = folds_[fold_index];
  if (!fold.train && fold.built.ok()) fold.built = BuildFold(fold_index);
  if (!fold.built.ok()) return fold.built;
  BoosterSettings one_thread = grid_[setting];
  one_thread.nthread = 1;
  Result<Booster> booster = Booster::Train(*fold.train, one_thread);
  if (!booster.ok()) return booster.error();
  Result<std::vector<float>> predicted = booster->Predict(fold.test);
  if (!predicted.ok()) return predicted.error();
  std::vector<float>& raw = runs_[setting].raw;
  for (size_t i = 0; i < fold.test_rows.size(); ++i) raw[fold.test_rows[i]] = (*predicted)[i];
  return Status::Ok();
}

void GridCrossValidation::AddJobs(JobPool& pool, int64_t rank, JobPool::Job done) {
  remaining_ = statuses_.size();
  if (statuses_.empty() && done) pool.Add(rank, done);  // no rows, no folds: nothing to wait for
  // The settings of one fold share its training matrix, which XGBoost is not safe to train on from two
  // threads: one key per fold keeps them apart. The jobs go setting by setting, so that two threads
  // work on two folds; the costliest settings first, so that the last jobs are short.
  std::vector<int64_t> keys;
  for (size_t fold = 0; fold < folds_.size(); ++fold) keys.push_back(pool.NewKey());
  for (size_t setting : CostliestFirst(grid_)) {
    for (size_t fold = 0; fold < folds_.size(); ++fold) {
      pool.Add(
          rank,
          [this, fold, setting, done](JobPool& in) {
            statuses_[fold * grid_.size() + setting] = Fit(fold, setting);
            // The fold's last setting frees its matrices.
            if (++folds_[fold].fitted == grid_.size()) folds_[fold] = Fold{};
            if (--remaining_ == 0 && done) done(in);
          },
          keys[fold]);
    }
  }
}

Result<std::vector<CrossValidation>> GridCrossValidation::Take() {
  for (const Status& status : statuses_) {
    if (!status.ok()) return status.error();
  }
  return std::move(runs_);
}

void CalibrateCrossFitted(const TrainingSet& set, CrossValidation& cv) {
  cv.calibrated.assign(cv.raw.size(), 0.0f);
  for (int fold = 0; fold < cv.folds; ++fold) {
    std::vector<float> scores, labels;
    for (int32_t row : RowsNotInFold(cv.fold_of_row, fold)) {
      scores.push_back(cv.raw[row]);
      labels.push_back(set.labels[row]);
    }
    const Calibrator calibrator = ChooseCalibrator(scores, labels);
    for (int32_t row : RowsInFold(cv.fold_of_row, fold)) {
      cv.calibrated[row] = static_cast<float>(calibrator.Apply(cv.raw[row]));
    }
  }
}

Result<std::vector<CrossValidation>> CrossValidateEach(const TrainingSet& set,
                                                       std::span<const BoosterSettings> grid, int folds,
                                                       uint64_t seed) {
  GridCrossValidation validation(set, grid, folds, seed);
  JobPool pool;
  validation.AddJobs(pool, 0);
  pool.Run(kTrainingThreads);
  Result<std::vector<CrossValidation>> runs = validation.Take();
  if (!runs.ok()) return runs.error();
  for (CrossValidation& cv : *runs) CalibrateCrossFitted(set, cv);
  return runs;
}

Result<CrossValidation> CrossValidate(const TrainingSet& set, const BoosterSettings& settings, int folds,
                                      uint64_t seed) {
  Result<std::vector<CrossValidation>> runs = CrossValidateEach(set, {&settings, 1}, folds, seed);
  if (!runs.ok()) return runs.error();
  return std::move(runs->front());
}

}  // namespace crm::models
