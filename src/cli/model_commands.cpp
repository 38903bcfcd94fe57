// `crm-assistant train`, `evaluate` and `score OPPORTUNITY_ID`: the predictive models.
#include <cctype>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/common/date.h"
#include "crm/common/progress.h"
#include "crm/models/deal_scorer.h"
#include "crm/models/evaluation.h"
#include "crm/models/model_kind.h"
#include "crm/models/model_registry_training.h"
#include "crm/models/model_text.h"
#include "crm/store/store.h"

namespace crm::cli {

namespace {

//! The as-of day: --as-of when given, else the latest date of the data.
Result<int32_t> AsOfDay(const std::string& text, const Dataset& data) {
  if (text.empty()) return data.LatestDate();
  const std::optional<int32_t> day = ParseIsoDate(text);
  if (!day) return Error{"--as-of '" + text + "' is not a date YYYY-MM-DD"};
  return *day;
}

}  // namespace

Command TrainCommand(const GlobalOptions& options) {
  Command command{"train", "Fit every model on the data, cross-validate them and store them", {}, nullptr};
  command.run = [&options]() -> int {
    auto loaded = LoadData(options);
    if (!loaded.ok()) return Fail(loaded.error());
    auto store = store::Store::Open(StorePath(options));
    if (!store.ok()) return Fail(store.error());
    ProgressBar bar("Training", models::kAllModels.size(), 0);
    auto summary = models::TrainAndStore(
        loaded->data, **store, [&bar](size_t done, const std::string& model) { bar.Step(done, model); });
    bar.Finish();
    if (!summary.ok()) return Fail(summary.error());
    if (options.json) {
      PrintJson(summary->document);
    } else {
      std::cout << models::TrainingText(summary->document);
    }
    return 0;
  };
  return command;
}

Command EvaluateCommand(const GlobalOptions& options) {
  auto quick = std::make_shared<bool>(false);
  Command command{
      "evaluate",
      "Cross-validate and backtest every model: calibration, fairness, importance, feature elimination",
      {},
      nullptr};
  command.options.push_back({"--quick", "skip feature elimination and the permutation test", quick.get()});
  command.run = [&options, quick]() -> int {
    auto loaded = LoadData(options);
    if (!loaded.ok()) return Fail(loaded.error());
    ProgressBar bar("Evaluating", 1, 0);
    models::EvaluationOptions evaluation;
    evaluation.feature_elimination = !*quick;
    evaluation.permutation_test = !*quick;
    evaluation.progress = [&bar](const std::string& step) { bar.Step(0, step); };
    auto document = models::EvaluateModels(loaded->data, evaluation);
    bar.Finish();
    if (!document.ok()) return Fail(document.error());
    if (options.json) {
      PrintJson(*document);
    } else {
      std::cout << models::EvaluationText(*document);
    }
    return 0;
  };
  return command;
}

Command ScoreCommand(const GlobalOptions& options) {
  struct State {
    std::string id;
    std::string as_of;
  };
  auto state = std::make_shared<State>();
  Command command{"score", "Win probability of an open opportunity, with its tier and reasons", {}, nullptr};
  command.options.push_back({"OPPORTUNITY_ID", "the opportunity's id", &state->id, true});
  command.options.push_back({"--as-of", "score as the deal stood on this date, YYYY-MM-DD", &state->as_of});
  command.run = [&options, state]() -> int {
    auto loaded = LoadData(options);
    if (!loaded.ok()) return Fail(loaded.error());
    const Dataset& data = loaded->data;
    std::string id = state->id;
    for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const int32_t deal = data.FindOpportunity(id);
    if (deal == kNoIndex) return Fail(Error{"no opportunity with id '" + state->id + "'"});
    auto as_of = AsOfDay(state->as_of, data);
    if (!as_of.ok()) return Fail(as_of.error());
    auto model_set = LoadModels(options, data);
    if (!model_set.ok()) return Fail(model_set.error());
    const models::DealScorer scorer(data, *model_set, *as_of);
    auto score = scorer.Score(deal);
    if (!score.ok()) return Fail(score.error());
    if (options.json) {
      PrintJson(models::ToJson(*score));
    } else {
      std::cout << models::ScoreText(*score);
    }
    return 0;
  };
  return command;
}

}  // namespace crm::cli
