#include "crm/models/trainer.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "crm/common/date.h"
#include "crm/models/hyperparameter_search.h"
#include "crm/models/leakage_guard.h"
#include "crm/models/metrics.h"
#include "crm/models/model_diagnostics.h"
#include "cross_validation_jobs.h"
#include "job_pool.h"

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

namespace {

//! One model's training as jobs of a JobPool: its rows (built from the data, or given), the settings
//! search (one job per fold and candidate), then, in the job that ends the search, the calibration, the
//! final fit and the metrics.
class ModelTraining {
 public:
  //! Training on rows built from `data`, as TrainModel does.
  ModelTraining(const Dataset& data, ModelKind kind, const TrainOptions& options)
      : data_(&data), kind_(kind), options_(options) {}
  //! Training on `set`, as TrainOnSet does.
  ModelTraining(const TrainingSet& set, const TrainOptions& options)
      : kind_(set.kind), options_(options), set_(&set) {}

  //! Adds the model's first job to `pool`: its jobs rank below those of models started with a higher
  //! `rank` (the job that ends a search ranks first of all).
  void Start(JobPool& pool, int64_t rank) {
    pool.Add(2 * rank, [this, rank](JobPool& in) { Search(in, 2 * rank + 1); });
  }
  //! The trained model, or why it was not; once the pool has run.
  Result<TrainingRun>& run() { return run_; }

 private:
  //! Builds the rows when needed, checks them and adds the search's jobs.
  void Search(JobPool& pool, int64_t rank) {
    if (data_ != nullptr) {
      known_by_ = options_.known_by == kNoDay ? data_->LatestDate() : options_.known_by;
      const std::vector<std::string> features =
          options_.features.empty() ? DefaultFeatureNames(*data_, kind_) : options_.features;
      Result<TrainingSet> built = BuildTrainingSet(*data_, kind_, known_by_, features);
      if (!built.ok()) {
        run_ = built.error();
        return;
      }
      built_ = std::move(built).value();
      set_ = &built_;
    }
    if (Status enough = CheckEnoughHistory(*set_); !enough.ok()) {
      run_ = enough.error();
      return;
    }
    if (Status clean = CheckForLeakage(set_->x, set_->labels); !clean.ok()) {
      run_ = clean.error();
      return;
    }
    grid_ = options_.grid.empty() ? DefaultSearchGrid() : options_.grid;
    search_.emplace(*set_, grid_, kCrossValidationFolds, kCrossValidationSeed);
    search_->AddJobs(pool, rank, [this](JobPool&) { run_ = Finish(); });
  }

  //! The chosen settings, the calibrator, the final fit and the model's metrics.
  Result<TrainingRun> Finish() {
    Result<std::vector<CrossValidation>> runs = search_->Take();
    if (!runs.ok()) return runs.error();
    SearchResult search = PickSettings(*set_, grid_, std::move(runs).value());
    const TrainingSet& set = *set_;
    TrainedModel model;
    model.kind = set.kind;
    model.features = set.x.features;
    model.settings = search.candidates[search.best].settings;
    model.settings.nthread =
        options_.final_nthread > 0 ? options_.final_nthread : (set.size() < kParallelFitRows ? 1 : 0);
    Result<Booster> booster = Booster::Train(set.x, set.labels, model.settings);
    if (!booster.ok()) return booster.error();
    model.booster = std::make_shared<const Booster>(std::move(booster).value());
    model.calibrator = ChooseCalibrator(search.cv.raw, set.labels);
    model.reference = ColumnMedians(set.x);
    ColumnRanges(set.x, model);
    double positives = 0;
    for (float label : set.labels) positives += label;
    model.positive_rate = positives / static_cast<double>(set.size());
    model.metrics = CrossValidatedMetrics(set, search);
    model.n_train = static_cast<int64_t>(set.size());
    if (data_ != nullptr) {
      model.known_by = known_by_;
      model.metrics["fairness"] = FairnessJson(*data_, set, search.cv.calibrated);
      if (set.sampled_from > static_cast<int64_t>(set.size()))
        model.metrics["sampled_from"] = set.sampled_from;
    }
    return TrainingRun{std::move(model), std::move(search.cv)};
  }

  const Dataset* data_ = nullptr;
  ModelKind kind_;
  TrainOptions options_;
  int32_t known_by_ = kNoDay;
  TrainingSet built_;
  const TrainingSet* set_ = nullptr;
  std::vector<BoosterSettings> grid_;
  std::optional<GridCrossValidation> search_;
  Result<TrainingRun> run_ = Error{"the model was not trained"};
};

//! Runs the jobs of every training in one pool on the training threads, the first ones' ranked first.
void TrainTogether(const std::vector<std::unique_ptr<ModelTraining>>& trainings) {
  JobPool pool;
  for (size_t i = 0; i < trainings.size(); ++i) trainings[i]->Start(pool, static_cast<int64_t>(i + 1));
  pool.Run(kTrainingThreads);
}

}  // namespace

std::vector<Result<TrainingRun>> TrainOnSets(std::span<const TrainingSet> sets, const TrainOptions& options) {
  std::vector<std::unique_ptr<ModelTraining>> trainings;
  for (const TrainingSet& set : sets) trainings.push_back(std::make_unique<ModelTraining>(set, options));
  TrainTogether(trainings);
  std::vector<Result<TrainingRun>> runs;
  for (const std::unique_ptr<ModelTraining>& training : trainings) runs.push_back(std::move(training->run()));
  return runs;
}

Result<TrainingRun> TrainOnSet(const TrainingSet& set, const TrainOptions& options) {
  return std::move(TrainOnSets({&set, 1}, options).front());
}

std::vector<Result<TrainedModel>> TrainModels(const Dataset& data, std::span<const ModelKind> kinds,
                                              const TrainOptions& options) {
  std::vector<std::unique_ptr<ModelTraining>> trainings;
  for (ModelKind kind : kinds) trainings.push_back(std::make_unique<ModelTraining>(data, kind, options));
  TrainTogether(trainings);
  std::vector<Result<TrainedModel>> models;
  for (const std::unique_ptr<ModelTraining>& training : trainings) {
    Result<TrainingRun>& run = training->run();
    if (run.ok()) {
      models.emplace_back(std::move(run->model));
    } else {
      models.emplace_back(run.error());
    }
  }
  return models;
}

Result<TrainedModel> TrainModel(const Dataset& data, ModelKind kind, const TrainOptions& options) {
  return std::move(TrainModels(data, {&kind, 1}, options).front());
}

}  // namespace crm::models
