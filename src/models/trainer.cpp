#include "crm/models/trainer.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

#include "crm/common/date.h"
#include "crm/models/hyperparameter_search.h"
#include "crm/models/leakage_guard.h"
#include "crm/models/metrics.h"
#include "crm/models/model_diagnostics.h"

namespace crm::models {

namespace {

//! The median of each numeric column (NaN for categorical or empty columns): the "typical" value that
//! explanations compare against.
std::vector<float> ColumnMedians(const FeatureMatrix& x) {
  std::vector<float> medians(x.columns(), kMissingFeature);
  std::vector<float> values;
  for (size_t column = 0; column < x.columns(); ++column) {
    if (x.features[column].kind == FeatureKind::kCategorical) continue;
    values.clear();
    for (size_t row = 0; row < x.rows(); ++row) {
      const float value = x.At(row, column);
      if (!std::isnan(value)) values.push_back(value);
    }
    if (values.empty()) continue;
    auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    medians[column] = *middle;
  }
  return medians;
}

//! Cross-validated metrics of the chosen setting, and how they were obtained.
nlohmann::json CrossValidatedMetrics(const TrainingSet& set, const SearchResult& search) {
  nlohmann::json metrics = ToJson(Evaluate(search.cv.calibrated, set.labels));
  metrics["n_train"] = static_cast<int64_t>(set.size());
  metrics["n_test"] = static_cast<int64_t>(set.size());
  metrics["uncalibrated_auc"] = Auc(search.cv.raw, set.labels);
  metrics["validation"] = std::to_string(search.cv.folds) +
                          "-fold cross-validation, stratified, grouped by " +
                          (set.kind == ModelKind::kAccountRisk ? "account" : "deal") +
                          "; each fold calibrated by a calibrator fitted on the other folds";
  nlohmann::json candidates = nlohmann::json::array();
  for (const SearchCandidate& candidate : search.candidates) {
    candidates.push_back({{"settings", candidate.settings.ToJson()},
                          {"log_loss", candidate.log_loss},
                          {"auc", candidate.auc}});
  }
  metrics["search"] = candidates;
  return metrics;
}

//! The largest value of each numeric column and whether each column has missing values.
void ColumnRanges(const FeatureMatrix& x, TrainedModel& model) {
  model.maximum.assign(x.columns(), kMissingFeature);
  model.missing_seen.assign(x.columns(), 0);
  for (size_t row = 0; row < x.rows(); ++row) {
    for (size_t column = 0; column < x.columns(); ++column) {
      const float value = x.At(row, column);
      if (std::isnan(value)) {
        model.missing_seen[column] = 1;
      } else if (x.features[column].kind == FeatureKind::kNumeric &&
                 (std::isnan(model.maximum[column]) || value > model.maximum[column])) {
        model.maximum[column] = value;
      }
    }
  }
}

}  // namespace

Status CheckEnoughHistory(const TrainingSet& set) {
  int64_t positives = 0, negatives = 0;
  if (set.kind == ModelKind::kAccountRisk) {
    for (float label : set.labels) (label >= 0.5f ? positives : negatives)++;
  } else {
    std::set<int32_t> seen;
    for (size_t i = 0; i < set.size(); ++i) {
      if (seen.insert(set.entities[i]).second) (set.labels[i] >= 0.5f ? positives : negatives)++;
    }
  }
  if (positives >= kMinOutcomesPerClass && negatives >= kMinOutcomesPerClass) return Status::Ok();
  const bool deals = set.kind != ModelKind::kAccountRisk;
  const std::string positive = deals ? "won deals" : "at-risk account snapshots";
  const std::string negative = deals ? "lost deals" : "healthy account snapshots";
  return Error{std::string(ModelName(set.kind)) + " needs at least " + std::to_string(kMinOutcomesPerClass) +
               " " + positive + " and " + std::to_string(kMinOutcomesPerClass) + " " + negative +
               " to learn from; the data has " + std::to_string(positives) + " and " +
               std::to_string(negatives) + ", so scores fall back to historical rates"};
}

Result<TrainingRun> TrainOnSet(const TrainingSet& set, const TrainOptions& options) {
  if (Status enough = CheckEnoughHistory(set); !enough.ok()) return enough.error();
  if (Status clean = CheckForLeakage(set.x, set.labels); !clean.ok()) return clean.error();
  const std::vector<BoosterSettings> grid = options.grid.empty() ? DefaultSearchGrid() : options.grid;
  Result<SearchResult> search = SearchSettings(set, grid);
  if (!search.ok()) return search.error();

  TrainedModel model;
  model.kind = set.kind;
  model.features = set.x.features;
  model.settings = search->candidates[search->best].settings;
  model.settings.nthread =
      options.final_nthread > 0 ? options.final_nthread : (set.size() < kParallelFitRows ? 1 : 0);
  Result<Booster> booster = Booster::Train(set.x, set.labels, model.settings);
  if (!booster.ok()) return booster.error();
  model.booster = std::make_shared<const Booster>(std::move(booster).value());
  model.calibrator = ChooseCalibrator(search->cv.raw, set.labels);
  model.reference = ColumnMedians(set.x);
  ColumnRanges(set.x, model);
  double positives = 0;
  for (float label : set.labels) positives += label;
  model.positive_rate = positives / static_cast<double>(set.size());
  model.metrics = CrossValidatedMetrics(set, *search);
  model.n_train = static_cast<int64_t>(set.size());
  return TrainingRun{std::move(model), std::move(search->cv)};
}

Result<TrainedModel> TrainModel(const Dataset& data, ModelKind kind, const TrainOptions& options) {
  const int32_t known_by = options.known_by == kNoDay ? data.LatestDate() : options.known_by;
  const std::vector<std::string> features =
      options.features.empty() ? DefaultFeatureNames(data, kind) : options.features;
  Result<TrainingSet> set = BuildTrainingSet(data, kind, known_by, features);
  if (!set.ok()) return set.error();
  Result<TrainingRun> run = TrainOnSet(*set, options);
  if (!run.ok()) return run.error();
  TrainedModel model = std::move(run->model);
  model.known_by = known_by;
  model.metrics["fairness"] = FairnessJson(data, *set, run->cv.calibrated);
  if (set->sampled_from > static_cast<int64_t>(set->size()))
    model.metrics["sampled_from"] = set->sampled_from;
  return model;
}

}  // namespace crm::models
