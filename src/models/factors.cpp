#include "crm/models/factors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace crm::models {

namespace {

bool Contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

//! "12,345" with thousands separators, rounded.
std::string Grouped(double value) {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%.0f", std::fabs(value));
  std::string plain = digits, out;
  for (size_t i = 0; i < plain.size(); ++i) {
    if (i > 0 && (plain.size() - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return (value < 0 && out != "0" ? "-" : "") + out;
}

std::string Fixed(double value, int decimals) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

//! The phrase of one factor: its description, value, and the typical value when there is one.
std::string Phrase(const FeatureSpec& spec, const std::string& value, float reference) {
  if (value == "unknown") return spec.description + " is unknown";
  if (spec.kind == FeatureKind::kCategorical) return spec.description + ": " + value;
  std::string phrase = spec.description + " " + value;
  if (!std::isnan(reference)) phrase += " against a typical " + FormatFeatureValue(spec, reference);
  return phrase;
}

}  // namespace

std::string FormatFeatureValue(const FeatureSpec& spec, float value) {
  if (std::isnan(value)) return "unknown";
  const std::string& name = spec.name;
  if (spec.kind == FeatureKind::kCategorical) {
    const auto code = static_cast<size_t>(value);
    return value >= 0 && code < spec.categories.size() ? spec.categories[code]
                                                       : "category " + Fixed(value, 0);
  }
  if (Contains(name, "has_parent")) return value >= 0.5f ? "yes" : "no";
  if (Contains(name, "rate")) return Fixed(100.0 * value, 0) + "%";
  if (name == "account_revenue" || name == "revenue") return "$" + Fixed(value, 1) + " million";
  if (Contains(name, "revenue") || Contains(name, "price") || Contains(name, "value"))
    return "$" + Grouped(value);
  if (Contains(name, "days")) return Grouped(value) + " days";
  if (Contains(name, "years")) return Grouped(value) + " years";
  if (Contains(name, "month")) return Grouped(value);
  return std::fabs(value - std::round(value)) < 1e-6 ? Grouped(value) : Fixed(value, 1);
}

std::vector<Factor> TopFactors(const TrainedModel& model, std::span<const float> row,
                               std::span<const float> contributions, size_t per_side) {
  std::vector<size_t> raising, lowering;
  for (size_t i = 0; i < model.features.size(); ++i) {
    if (contributions[i] > 0) raising.push_back(i);
    if (contributions[i] < 0) lowering.push_back(i);
  }
  auto by_strength = [&](size_t a, size_t b) {
    return std::fabs(contributions[a]) > std::fabs(contributions[b]);
  };
  std::sort(raising.begin(), raising.end(), by_strength);
  std::sort(lowering.begin(), lowering.end(), by_strength);
  raising.resize(std::min(raising.size(), per_side));
  lowering.resize(std::min(lowering.size(), per_side));
  std::vector<Factor> factors;
  for (const std::vector<size_t>* side : {&raising, &lowering}) {
    for (size_t i : *side) {
      const FeatureSpec& spec = model.features[i];
      const std::string value = FormatFeatureValue(spec, row[i]);
      const float reference = i < model.reference.size() ? model.reference[i] : kMissingFeature;
      factors.push_back({spec.name, value, contributions[i], Phrase(spec, value, reference)});
    }
  }
  return factors;
}

nlohmann::json ToJson(const Factor& factor) {
  return {{"feature", factor.feature},
          {"value", factor.value},
          {"impact", factor.impact},
          {"phrase", factor.phrase}};
}

}  // namespace crm::models
