#include "crm/models/model_text.h"

#include <cmath>
#include <cstdio>

namespace crm::models {

namespace {

//! The number under `key`, NaN when absent or null.
double Number(const nlohmann::json& object, const char* key) {
  return object.contains(key) && object[key].is_number() ? object[key].get<double>() : NAN;
}

std::string Format(const char* pattern, double value) {
  if (std::isnan(value)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string Percent(double fraction) { return Format("%.1f%%", 100 * fraction); }

//! "AUC 0.612, log loss 0.651, Brier 0.229, accuracy 63.0% (majority baseline 63.2%)".
std::string MetricsLine(const nlohmann::json& metrics) {
  return "AUC " + Format("%.3f", Number(metrics, "auc")) + ", log loss " +
         Format("%.3f", Number(metrics, "log_loss")) + ", Brier " + Format("%.3f", Number(metrics, "brier")) +
         ", accuracy " + Percent(Number(metrics, "accuracy")) + " (majority baseline " +
         Percent(Number(metrics, "baseline_accuracy")) + ")";
}

std::string ModelBlock(const std::string& name, const nlohmann::json& model) {
  if (model.value("status", "") != "trained")
    return name + ": not trained. " + model.value("reason", "") + "\n";
  std::string text = name + " (" + model.value("model_version", name) + "), " +
                     std::to_string(model.value("n_train", 0)) + " rows\n";
  text += "  cross-validated: " + MetricsLine(model) + "\n";
  text += "  " + AucVerdict(Number(model, "auc")) + "\n";
  return text;
}

}  // namespace

std::string AucVerdict(double auc) {
  if (std::isnan(auc)) return "no verdict: the AUC could not be computed";
  if (auc < 0.55)
    return "no real signal: ranks deals about as well as chance; treat its scores as the base rate";
  if (auc < 0.65) return "weak: a little better than chance; use its scores as a hint, not a forecast";
  if (auc < 0.75) return "modest: ranks better than chance, with many exceptions";
  if (auc < 0.85) return "useful: ranks most pairs of deals correctly";
  return "strong: check for leakage before trusting a figure this high on real sales data";
}

std::string TrainingText(const nlohmann::json& document) {
  std::string text;
  for (const auto& [name, model] : document.at("models").items()) text += ModelBlock(name, model);
  text += Format("Trained and cross-validated in %.2f s; models stored.\n", Number(document, "seconds"));
  return text;
}

std::string EvaluationText(const nlohmann::json& document) {
  std::string text = "Evaluation as of " + document.value("as_of", "") + "\n\n";
  for (const auto& [name, model] : document.at("models").items()) {
    text += ModelBlock(name, model);
    if (model.value("status", "") != "trained") continue;
    if (document.contains("backtest") && document["backtest"].contains(name) &&
        document["backtest"][name].contains("pooled")) {
      text += "  backtest (train before T, score what was open at T): " +
              MetricsLine(document["backtest"][name]["pooled"]) + "\n";
    }
    if (document.contains("calibration") && document["calibration"].contains(name)) {
      text += "  expected calibration error " + Format("%.3f", Number(document["calibration"][name], "ece")) +
              "\n";
    }
    if (document.contains("permutation") && document["permutation"].contains(name)) {
      text += "  with shuffled outcomes: AUC " +
              Format("%.3f", Number(document["permutation"][name], "auc")) + " (should be about 0.5)\n";
    }
    if (document.contains("fairness") && document["fairness"].contains(name)) {
      for (const auto& [group, fairness] : document["fairness"][name].items()) {
        const nlohmann::json& gap = fairness["largest_gap"]["accuracy"];
        text += "  by " + group + ": largest accuracy gap " + Percent(Number(gap, "gap")) + " (" +
                gap.value("highest_group", "") + " vs " + gap.value("lowest_group", "") + ")\n";
      }
    }
    if (document.contains("importance") && document["importance"].contains(name)) {
      text += "  most important:";
      int shown = 0;
      for (const nlohmann::json& feature : document["importance"][name]) {
        if (shown++ == 3) break;
        text += " " + feature.value("feature", "") + " " + Percent(Number(feature, "gain_share"));
      }
      text += "\n";
    }
    if (document.contains("elimination") && document["elimination"].contains(name)) {
      const nlohmann::json& removable = document["elimination"][name]["removable"];
      text += "  can go without loss: " + (removable.empty() ? std::string("none") : removable.dump()) + "\n";
    }
    text += "\n";
  }
  if (document.contains("backtest") && document["backtest"].contains("forecast")) {
    const nlohmann::json& forecast = document["backtest"]["forecast"];
    text +=
        "forecast backtest: actual inside P10-P90 " + Percent(Number(forecast, "coverage")) + " of periods\n";
  }
  return text;
}

std::string ScoreText(const DealScore& score) {
  std::string text = "Opportunity " + score.opportunity_id + " (" + score.stage +
                     "): " + Format("%.0f%%", 100 * score.probability) + " chance of being won, " +
                     std::string(TierName(score.tier)) + "\n";
  text += "Model: " + score.model_version;
  if (!std::isnan(score.model_auc))
    text += Format(" (cross-validated AUC %.3f: ", score.model_auc) + score.reliability + ")";
  text += "\n";
  if (!score.note.empty()) text += score.note + "\n";
  for (const std::string& caution : score.cautions) text += "Caution: " + caution + "\n";
  for (const Factor& factor : score.factors) {
    text += std::string(factor.impact > 0 ? "  + " : "  - ") + factor.phrase +
            Format(" (%+.2f)", factor.impact) + "\n";
  }
  return text;
}

}  // namespace crm::models
