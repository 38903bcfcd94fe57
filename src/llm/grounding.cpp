#include "crm/llm/grounding.h"

namespace crm::llm {

bool IsChecked(const NumberMention& mention) {
  if (mention.list_marker) return false;
  const bool small_whole_number = mention.kind == MentionKind::kNumber && mention.half_step == 0.5 &&
                                  mention.value <= 10 && !mention.has_unit;
  return !small_whole_number;
}

GroundingResult CheckGrounding(std::string_view text, const FactIndex& facts) {
  GroundingResult result;
  for (const NumberMention& mention : FindNumbers(text)) {
    if (!IsChecked(mention)) continue;
    ++result.numbers_checked;
    if (facts.Supports(mention)) continue;
    result.ok = false;
    result.unmatched.push_back(mention.written);
  }
  return result;
}

GroundingResult CheckGrounding(std::string_view text, const nlohmann::json& facts) {
  return CheckGrounding(text, FactIndex(facts));
}

}  // namespace crm::llm
