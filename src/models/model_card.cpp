// Model cards from the figures stored with each trained model.
#include "crm/models/model_card.h"

#include <cmath>

#include "crm/common/date.h"
#include "crm/models/evaluation.h"
#include "crm/models/model_diagnostics.h"
#include "crm/models/model_text.h"

namespace crm::models {

namespace {

//! The member `key` of `object`, null when absent.
nlohmann::json Member(const nlohmann::json& object, const char* key) {
  return object.is_object() && object.contains(key) ? object[key] : nlohmann::json(nullptr);
}

//! The status of a slot without a model.
const char* MissingStatus(const ModelSlot& slot) {
  if (slot.refused) return "refused";
  if (slot.refitting) return "refitting";
  return slot.stale ? "stale" : "missing";
}

//! The stored cross-validated figures, without the parts the card shows apart.
nlohmann::json MetricsJson(const nlohmann::json& stored) {
  nlohmann::json metrics = nlohmann::json::object();
  for (const char* key : {"auc", "log_loss", "brier", "accuracy", "baseline_accuracy", "uncalibrated_auc",
                          "precision", "recall", "f1", "threshold", "n", "positive_rate", "sampled_from"}) {
    if (stored.contains(key)) metrics[key] = stored[key];
  }
  return metrics;
}

//! The features the model reads: name, description and kind.
nlohmann::json FeaturesJson(const TrainedModel& model) {
  nlohmann::json features = nlohmann::json::array();
  for (const FeatureSpec& spec : model.features) {
    features.push_back({{"name", spec.name},
                        {"description", spec.description},
                        {"kind", spec.kind == FeatureKind::kCategorical ? "categorical" : "numeric"}});
  }
  return features;
}

}  // namespace

std::vector<std::string> ModelLimits() {
  return {
      "The models see only what was knowable at the snapshot: product, price, account firmographics, agent, "
      "manager, office, earlier win rates and volumes, the deal's age, the agent's open load and, when the "
      "data has them, activities up to that day.",
      "They cannot know what is not in the data: why a buyer decided, the competition, budget cycles.",
      "They score only what resembles their training data: deals open far longer than any closed deal are "
      "outside what they learned.",
      "Below 40 won and 40 lost deals a model refuses to train and scores fall back to the product's "
      "historical win rate, saying so.",
      "Scores are probabilities with tiers (High from 70%, Medium from 40%) and the reasons behind them, "
      "never a promise.",
      "An accuracy near 85% on the Kaggle data comes from leakage (every Lost deal has close value 0); "
      "these models refuse outcome fields, and on that data their scores are close to the base rate."};
}

nlohmann::json ModelCardJson(ModelKind kind, const ModelSlot& slot) {
  nlohmann::json card = {{"name", std::string(ModelName(kind))},
                         {"outcome", std::string(PositiveOutcome(kind))}};
  if (!slot.model) {
    card["status"] = MissingStatus(slot);
    card["note"] = slot.unavailable;
    return card;
  }
  const TrainedModel& model = *slot.model;
  const nlohmann::json& stored = model.metrics;
  const nlohmann::json auc = Member(stored, "auc");
  card["status"] = "trained";
  card["note"] = "";
  card["version"] = model.version;
  card["model_version"] = model.VersionLabel();
  card["created_at"] = model.created_at;
  card["data_hash"] = model.data_hash;
  card["known_by"] = FormatIsoDate(model.known_by);
  card["n_train"] = model.n_train;
  card["positive_rate"] = model.positive_rate;
  card["validation"] = Member(stored, "validation");
  card["verdict"] = AucVerdict(auc.is_number() ? auc.get<double>() : NAN);
  card["metrics"] = MetricsJson(stored);
  card["confusion"] = Member(stored, "confusion");
  card["calibration"] = Member(stored, "calibration");
  card["calibrator"] = std::string(model.calibrator.KindName());
  card["importance"] = ImportanceJson(model);
  card["fairness"] = Member(stored, "fairness");
  card["backtest"] = Member(stored, "backtest");
  card["features"] = FeaturesJson(model);
  return card;
}

nlohmann::json ForecastAccuracyJson(const analytics::Insight& forecast) {
  const std::string prefix = "backtest_";
  const nlohmann::json document = analytics::InsightJson(forecast);
  nlohmann::json accuracy = nlohmann::json::object();
  nlohmann::json definitions = nlohmann::json::object();
  for (const auto& [name, value] : document["metrics"].items()) {
    if (name.rfind(prefix, 0) == 0) accuracy[name.substr(prefix.size())] = value;
  }
  if (accuracy.empty()) return nullptr;
  for (const auto& [figure, how] : document["definitions"].items()) {
    if (figure.rfind(prefix, 0) == 0) definitions[figure.substr(prefix.size())] = how;
  }
  accuracy["definitions"] = std::move(definitions);
  return accuracy;
}

nlohmann::json ModelCardsJson(const ModelSet& models) {
  nlohmann::json cards = nlohmann::json::array();
  for (ModelKind kind : kAllModels) cards.push_back(ModelCardJson(kind, models.slot(kind)));
  return {{"models", std::move(cards)}, {"notes", EvaluationNotes()}, {"limits", ModelLimits()}};
}

}  // namespace crm::models
