#include "crm/models/model_backtest.h"

#include "crm/common/date.h"
#include "crm/models/account_examples.h"
#include "crm/models/deal_examples.h"
#include "crm/models/trainer.h"

namespace crm::models {

namespace {

//! Deal examples at `as_of` whose outcome is known by the end of the data, with labels.
void KeepKnownOutcomes(const Dataset& data, std::vector<DealExample>& examples, std::vector<float>& labels) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<DealExample> kept;
  for (const DealExample& example : examples) {
    if (!IsClosed(deals.deal_stage[example.deal])) continue;
    kept.push_back(example);
    labels.push_back(deals.deal_stage[example.deal] == DealStage::kWon ? 1.0f : 0.0f);
  }
  examples = std::move(kept);
}

//! Deals engaged after `as_of`: prospects on that day.
std::vector<DealExample> ProspectsAt(const Dataset& data, int32_t as_of) {
  std::vector<DealExample> examples;
  const OpportunityColumns& deals = data.opportunities;
  for (size_t i = 0; i < deals.size(); ++i) {
    if (deals.engage_date[i] != kNoDay && deals.engage_date[i] > as_of)
      examples.push_back({static_cast<int32_t>(i), as_of});
  }
  return examples;
}

}  // namespace

Result<TrainingSet> BacktestRows(const Dataset& data, ModelKind kind, int32_t as_of,
                                 std::span<const std::string> features) {
  if (kind == ModelKind::kAccountRisk) {
    Result<TrainingSet> all = BuildTrainingSet(data, kind, data.LatestDate(), features);
    if (!all.ok()) return all.error();
    std::vector<int32_t> rows;
    for (size_t i = 0; i < all->size(); ++i) {
      if (all->days[i] == as_of) rows.push_back(static_cast<int32_t>(i));
    }
    return all->SelectRows(rows);
  }
  std::vector<DealExample> examples = kind == ModelKind::kOpportunityWin
                                          ? OpenDealExamples(data, as_of, DealStage::kEngaging)
                                          : ProspectsAt(data, as_of);
  std::vector<float> labels;
  KeepKnownOutcomes(data, examples, labels);
  std::vector<int32_t> deals;
  for (const DealExample& example : examples) deals.push_back(example.deal);
  Result<TrainingSet> set = BuildDealScoringSet(data, kind, as_of, deals, features);
  if (!set.ok()) return set.error();
  set->labels = std::move(labels);
  return set;
}

std::vector<int32_t> ModelBacktestDates(const Dataset& data, int count) {
  const int32_t latest = data.LatestDate();
  std::vector<int32_t> dates;
  if (latest == kNoDay) return dates;
  for (int32_t end : MonthEnds(latest - 3 * 366, latest)) {
    const int month = CivilFromDays(end).month;
    if (month % 3 == 0 && end + kAccountRiskHorizonDays <= latest) dates.push_back(end);
  }
  if (static_cast<int>(dates.size()) > count) dates.erase(dates.begin(), dates.end() - count);
  return dates;
}

Result<ModelBacktest> BacktestModel(const Dataset& data, ModelKind kind, std::span<const int32_t> dates,
                                    const BoosterSettings& settings, std::span<const std::string> features,
                                    std::vector<std::optional<TrainedModel>>* models) {
  ModelBacktest backtest;
  std::vector<float> pooled_scores, pooled_labels;
  TrainOptions options;
  options.grid = {settings};
  std::vector<TrainingSet> train_sets, test_sets;
  for (int32_t as_of : dates) {
    Result<TrainingSet> train = BuildTrainingSet(data, kind, as_of, features);
    if (!train.ok()) return train.error();
    Result<TrainingSet> test = BacktestRows(data, kind, as_of, features);
    if (!test.ok()) return test.error();
    train_sets.push_back(std::move(train).value());
    test_sets.push_back(std::move(test).value());
  }
  // The dates' models train together: their fits share the two cores.
  std::vector<Result<TrainingRun>> runs = TrainOnSets(train_sets, options);
  for (size_t i = 0; i < dates.size(); ++i) {
    const TrainingSet& test = test_sets[i];
    Result<TrainingRun>& run = runs[i];
    BacktestPoint point;
    point.as_of = dates[i];
    if (models) models->emplace_back();
    point.n_train = static_cast<int64_t>(train_sets[i].size());
    point.n_test = static_cast<int64_t>(test.size());
    if (!run.ok() || test.size() == 0) {
      point.skipped = run.ok() ? "nothing open on that day with a known outcome" : run.error().message;
      backtest.points.push_back(std::move(point));
      continue;
    }
    Result<std::vector<float>> scores = run->model.Probabilities(test.x);
    if (!scores.ok()) return scores.error();
    point.metrics = Evaluate(*scores, test.labels);
    pooled_scores.insert(pooled_scores.end(), scores->begin(), scores->end());
    pooled_labels.insert(pooled_labels.end(), test.labels.begin(), test.labels.end());
    run->model.known_by = dates[i];
    if (models) models->back() = std::move(run->model);
    backtest.points.push_back(std::move(point));
  }
  backtest.n_test = static_cast<int64_t>(pooled_labels.size());
  if (!pooled_labels.empty()) backtest.pooled = Evaluate(pooled_scores, pooled_labels);
  return backtest;
}

nlohmann::json ToJson(const ModelBacktest& backtest) {
  nlohmann::json points = nlohmann::json::array();
  for (const BacktestPoint& point : backtest.points) {
    nlohmann::json entry = {
        {"as_of", FormatIsoDate(point.as_of)}, {"n_train", point.n_train}, {"n_test", point.n_test}};
    if (!point.skipped.empty()) {
      entry["skipped"] = point.skipped;
    } else {
      nlohmann::json metrics = ToJson(point.metrics);
      metrics.erase("calibration");
      entry.update(metrics);
    }
    points.push_back(std::move(entry));
  }
  nlohmann::json out = {{"points", points},
                        {"n_test", backtest.n_test},
                        {"method",
                         "at each date T: train on outcomes known by T, score what was open at T, "
                         "compare with what happened after T"}};
  if (backtest.n_test > 0) out["pooled"] = ToJson(backtest.pooled);
  return out;
}

}  // namespace crm::models
