#include "crm/nlu/deal_stage_phrases.h"

#include <string>
#include <string_view>

namespace crm::nlu {

namespace {

//! The stage a word names, or "" when it names none.
std::string_view StageOfWord(const std::string& key) {
  if (key == "won") return "Won";
  if (key == "lost") return "Lost";
  if (key == "engaging" || key == "engaged") return "Engaging";
  if (key == "prospecting") return "Prospecting";
  return "";
}

bool IsDealNoun(const std::string& key) {
  return key == "deal" || key == "deals" || key == "opportunity" || key == "opportunities" || key == "opps" ||
         key == "opp" || key == "ones" || key == "pipeline";
}

bool IsStageComparisonWord(const std::string& key) {
  return key == "vs" || key == "versus" || key == "or" || key == "and" || key == "rate" || key == "rates" ||
         key == "ratio" || key == "compared";
}

//! True when the stage word at `i` (spanning `count` words) compares stages rather than naming one.
bool Compares(const LinkState& state, size_t i, size_t count) {
  if (IsStageComparisonWord(state.KeyAt(i, -1))) return true;
  const long after = static_cast<long>(count);
  if (IsStageComparisonWord(state.KeyAt(i, after))) return true;
  return IsDealNoun(state.KeyAt(i, after)) && IsStageComparisonWord(state.KeyAt(i, after + 1));
}

}  // namespace

void FindDealStages(LinkState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.Free(i)) continue;
    const std::string& key = state.Key(i);
    if (key == "closedwon" || key == "closedlost") {
      state.Claim(i, 1, "deal_stage", key == "closedwon" ? "Won" : "Lost");
      continue;
    }
    if (key == "prospects") {
      state.Claim(i, 1, "deal_stage", "Prospecting");
      continue;
    }
    const std::string_view stage = StageOfWord(key);
    if (stage.empty()) continue;
    const std::string& before = state.KeyAt(i, -1);
    const std::string& after = state.KeyAt(i, 1);
    if (before == "closed" && state.Free(i - 1)) {
      if (!Compares(state, i, 1)) state.Claim(i - 1, 2, "deal_stage", std::string(stage));
      continue;
    }
    const bool filters = IsDealNoun(after) || after == "stage" || after == "phase" || before == "in" ||
                         before == "at" || (IsDealNoun(before) && (stage == "Won" || stage == "Lost"));
    if (filters && !Compares(state, i, 1)) state.Claim(i, 1, "deal_stage", std::string(stage));
  }
}

}  // namespace crm::nlu
