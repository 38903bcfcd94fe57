#include "crm/models/evaluation.h"

#include "crm/common/date.h"
#include "crm/models/fallback_probabilities.h"
#include "crm/models/feature_checks.h"
#include "crm/models/forecast_backtest.h"
#include "crm/models/forecast_simulation.h"
#include "crm/models/metrics.h"
#include "crm/models/model_backtest.h"
#include "crm/models/model_diagnostics.h"
#include "crm/models/probability_source.h"
#include "crm/models/trainer.h"

namespace crm::models {

namespace {

void Tell(const EvaluationOptions& options, const std::string& what) {
  if (options.progress) options.progress(what);
}

//! The forecast backtest with, at each date, a win model trained on what was known then (or the
//! products' historical rates when history was too thin).
nlohmann::json ForecastBacktestJson(const Dataset& data, const BoosterSettings& settings) {
  TrainOptions options;
  options.grid = {settings};
  const std::vector<int32_t> dates = DefaultBacktestDates(data);
  auto probabilities = [&](int32_t as_of) {
    options.known_by = as_of;
    Result<TrainedModel> model = TrainModel(data, ModelKind::kOpportunityWin, options);
    auto models = std::make_shared<ModelSet>();
    if (model.ok()) models->Put(std::move(model).value());
    const std::optional<analytics::WinProbabilitySource> source = ModelProbabilitySource(data, models);
    return source ? source->probabilities(as_of) : HistoricalWinProbabilities(data, as_of);
  };
  return ToJson(RunForecastBacktest(data, dates, probabilities, ForecastSettings{}));
}

//! Everything `evaluate` says about one model, added to `out` under its name.
Status EvaluateOne(const Dataset& data, ModelKind kind, const EvaluationOptions& options, nlohmann::json& out,
                   BoosterSettings* win_settings) {
  const std::string name(ModelName(kind));
  const std::vector<std::string> features = DefaultFeatureNames(data, kind);
  Tell(options, name + ": cross-validation and settings search");
  Result<TrainingSet> set = BuildTrainingSet(data, kind, data.LatestDate(), features);
  if (!set.ok()) return set.error();
  Result<TrainingRun> run = TrainOnSet(*set, TrainOptions{});
  if (!run.ok()) {
    out["models"][name] = {{"status", "refused"}, {"reason", run.error().message}, {"n_train", set->size()}};
    return Status::Ok();
  }
  const TrainedModel& model = run->model;
  if (kind == ModelKind::kOpportunityWin) *win_settings = model.settings;
  nlohmann::json metrics = model.metrics;
  metrics["status"] = "trained";
  metrics["settings"] = model.settings.ToJson();
  metrics["calibrator"] = std::string(model.calibrator.KindName());
  out["calibration"][name] = metrics["calibration"];
  out["fairness"][name] = FairnessJson(data, *set, run->cv.calibrated);
  out["importance"][name] = ImportanceJson(model);
  Tell(options, name + ": time-based backtest");
  const std::vector<int32_t> dates = ModelBacktestDates(data);
  Result<ModelBacktest> backtest = BacktestModel(data, kind, dates, model.settings, features);
  if (!backtest.ok()) return backtest.error();
  out["backtest"][name] = ToJson(*backtest);
  if (options.feature_elimination) {
    Tell(options, name + ": recursive feature elimination");
    Result<FeatureElimination> elimination = EliminateFeatures(*set, model.settings);
    if (!elimination.ok()) return elimination.error();
    out["elimination"][name] = ToJson(*elimination);
  }
  if (options.permutation_test) {
    Tell(options, name + ": label-permutation test");
    Result<double> permuted = PermutedLabelAuc(*set, model.settings);
    if (!permuted.ok()) return permuted.error();
    out["permutation"][name] = {{"auc", *permuted},
                                {"expected", "about 0.5: with the outcomes shuffled nothing can be learned"}};
  }
  out["models"][name] = std::move(metrics);
  return Status::Ok();
}

}  // namespace

std::vector<std::string> EvaluationNotes() {
  return {
      "Cross-validated metrics come from predictions on deals (or accounts) the model never saw; the "
      "backtest "
      "trains on what was known at each date and scores what was open then, so it never sees the future.",
      "Accuracy is shown next to the majority-class baseline: a model is only useful where it beats it.",
      "Fairness figures are computed on the cross-validated predictions; groups with fewer than 30 rows are "
      "shown but left out of the gaps."};
}

Result<nlohmann::json> EvaluateModels(const Dataset& data, const EvaluationOptions& options) {
  nlohmann::json out = {{"as_of", FormatIsoDate(data.LatestDate())}, {"models", nlohmann::json::object()}};
  BoosterSettings win_settings;
  for (ModelKind kind : kAllModels) {
    if (Status status = EvaluateOne(data, kind, options, out, &win_settings); !status.ok())
      return status.error();
  }
  Tell(options, "forecast: backtest");
  out["backtest"]["forecast"] = ForecastBacktestJson(data, win_settings);
  out["notes"] = EvaluationNotes();
  return out;
}

}  // namespace crm::models
