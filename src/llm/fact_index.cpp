#include "crm/llm/fact_index.h"

#include <algorithm>
#include <cmath>

namespace crm::llm {

FactIndex::FactIndex(const nlohmann::json& facts) { Walk(facts); }

void FactIndex::Walk(const nlohmann::json& value) {
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      AddText(key);
      Walk(item);
    }
  } else if (value.is_array()) {
    for (const nlohmann::json& item : value) Walk(item);
  } else if (value.is_number()) {
    numbers_.push_back(std::fabs(value.get<double>()));
  } else if (value.is_string()) {
    AddText(value.get_ref<const std::string&>());
  }
}

void FactIndex::AddText(std::string_view text) {
  for (const NumberMention& mention : FindNumbers(text)) {
    switch (mention.kind) {
      case MentionKind::kNumber:
      case MentionKind::kPercent:
        numbers_.push_back(mention.value);
        break;
      case MentionKind::kDate:
      case MentionKind::kMonth:
      case MentionKind::kQuarter: {
        const int quarter = mention.month > 0 ? (mention.month - 1) / 3 + 1 : mention.quarter;
        dates_.push_back({mention.year, mention.month, mention.day, quarter});
        if (mention.year > 0) numbers_.push_back(mention.year);
        break;
      }
    }
  }
}

bool FactIndex::SupportsNumber(double value, double half_step) const {
  const double tolerance = half_step + 1e-9 * std::max(1.0, value);
  return std::any_of(numbers_.begin(), numbers_.end(),
                     [&](double fact) { return std::fabs(fact - value) <= tolerance; });
}

bool FactIndex::Supports(const NumberMention& mention) const {
  const auto any_date = [&](auto predicate) { return std::any_of(dates_.begin(), dates_.end(), predicate); };
  const auto same_year = [&](const FactDate& date) { return mention.year == 0 || date.year == mention.year; };
  switch (mention.kind) {
    case MentionKind::kNumber:
      return SupportsNumber(mention.value, mention.half_step);
    case MentionKind::kPercent:
      return SupportsNumber(mention.value, mention.half_step) ||
             SupportsNumber(mention.value / 100, mention.half_step / 100);
    case MentionKind::kDate:
      return any_date([&](const FactDate& date) {
        return same_year(date) && date.month == mention.month && date.day == mention.day;
      });
    case MentionKind::kMonth:
      return any_date([&](const FactDate& date) { return same_year(date) && date.month == mention.month; });
    case MentionKind::kQuarter:
      return any_date(
          [&](const FactDate& date) { return same_year(date) && date.quarter == mention.quarter; });
  }
  return false;
}

}  // namespace crm::llm
