#include "crm/models/feature_checks.h"

#include <algorithm>
#include <random>
#include <unordered_map>

#include "crm/models/booster.h"
#include "crm/models/cross_validation.h"
#include "crm/models/metrics.h"

namespace crm::models {

namespace {

//! `set` with only the named columns.
TrainingSet WithColumns(const TrainingSet& set, const std::vector<int>& columns) {
  TrainingSet out = set;
  out.x = set.x.SelectColumns(columns);
  return out;
}

//! Gives each deal the outcome of another, all rows of a deal alike.
void ShuffleDealOutcomes(TrainingSet& set, std::mt19937_64& random) {
  // Shuffle whole deals' outcomes, so that the rows of one deal keep one (now random) label.
  std::unordered_map<int32_t, float> label_of;
  std::vector<int32_t> entities;
  for (size_t i = 0; i < set.size(); ++i) {
    if (label_of.emplace(set.entities[i], set.labels[i]).second) entities.push_back(set.entities[i]);
  }
  std::vector<float> labels;
  for (int32_t entity : entities) labels.push_back(label_of[entity]);
  std::shuffle(labels.begin(), labels.end(), random);
  for (size_t i = 0; i < entities.size(); ++i) label_of[entities[i]] = labels[i];
  for (size_t i = 0; i < set.size(); ++i) set.labels[i] = label_of[set.entities[i]];
}

}  // namespace

Result<FeatureElimination> EliminateFeatures(const TrainingSet& set, const BoosterSettings& settings,
                                             int max_steps, size_t min_features) {
  FeatureElimination result;
  result.tolerance = kEliminationTolerance;
  std::vector<int> columns(set.x.columns());
  for (size_t i = 0; i < columns.size(); ++i) columns[i] = static_cast<int>(i);
  double full_loss = 0;
  bool still_no_loss = true;
  for (int step = 0; step <= max_steps; ++step) {
    const TrainingSet subset = WithColumns(set, columns);
    Result<CrossValidation> cv = CrossValidate(subset, settings);
    if (!cv.ok()) return cv.error();
    EliminationStep entry;
    for (const FeatureSpec& spec : subset.x.features) entry.features.push_back(spec.name);
    entry.auc = Auc(cv->raw, set.labels);
    entry.log_loss = LogLoss(cv->raw, set.labels);
    if (step == 0) full_loss = entry.log_loss;
    if (step > 0 && still_no_loss) {
      still_no_loss = entry.log_loss <= full_loss + kEliminationTolerance;
      if (still_no_loss) result.removable.push_back(result.steps.back().dropped);
    }
    const bool last = step == max_steps || columns.size() <= min_features;
    if (!last) {
      Result<Booster> booster = Booster::Train(subset.x, set.labels, settings);
      if (!booster.ok()) return booster.error();
      const std::vector<double> gain = booster->GainImportance();
      const size_t weakest = static_cast<size_t>(std::min_element(gain.begin(), gain.end()) - gain.begin());
      entry.dropped = subset.x.features[weakest].name;
      columns.erase(columns.begin() + static_cast<std::ptrdiff_t>(weakest));
    }
    result.steps.push_back(std::move(entry));
    if (last) break;
  }
  return result;
}

Result<double> PermutedLabelAuc(const TrainingSet& set, const BoosterSettings& settings, uint64_t seed) {
  std::mt19937_64 random(seed);
  TrainingSet shuffled = set;
  if (set.kind == ModelKind::kAccountRisk) {
    // An account's snapshots have different outcomes: shuffle the snapshots.
    std::shuffle(shuffled.labels.begin(), shuffled.labels.end(), random);
  } else {
    ShuffleDealOutcomes(shuffled, random);
  }
  Result<CrossValidation> cv = CrossValidate(shuffled, settings);
  if (!cv.ok()) return cv.error();
  return Auc(cv->raw, shuffled.labels);
}

nlohmann::json ToJson(const FeatureElimination& elimination) {
  nlohmann::json steps = nlohmann::json::array();
  for (const EliminationStep& step : elimination.steps) {
    nlohmann::json entry = {{"features", step.features}, {"auc", step.auc}, {"log_loss", step.log_loss}};
    if (!step.dropped.empty()) entry["dropped"] = step.dropped;
    steps.push_back(std::move(entry));
  }
  return {{"steps", steps}, {"removable", elimination.removable}, {"tolerance", elimination.tolerance}};
}

}  // namespace crm::models
