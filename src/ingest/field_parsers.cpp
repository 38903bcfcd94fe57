#include "crm/ingest/field_parsers.h"

#include <charconv>
#include <cmath>

#include "crm/ingest/text_cleaning.h"

namespace crm::ingest {

std::optional<double> ParseDecimal(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<int64_t> ParseWholeNumber(std::string_view text) {
  int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (!text.empty() && error == std::errc() && end == text.data() + text.size()) return value;
  const auto decimal = ParseDecimal(text);
  if (decimal && std::floor(*decimal) == *decimal && std::fabs(*decimal) < 9e15) {
    return static_cast<int64_t>(*decimal);
  }
  return std::nullopt;
}

std::optional<DealStage> ParseStageLoosely(std::string_view text) {
  const std::string key = MatchKey(text);
  for (int i = 0; i < kDealStageCount; ++i) {
    const auto stage = static_cast<DealStage>(i);
    if (key == MatchKey(DealStageName(stage))) return stage;
  }
  return std::nullopt;
}

}  // namespace crm::ingest
