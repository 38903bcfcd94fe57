#include "crm/nlu/top_n.h"

#include <string>
#include <string_view>

#include "crm/nlu/number_words.h"

namespace crm::nlu {

namespace {

//! "best", "biggest", "largest", … and the other words that rank: "top", "most", "least", "worst".
bool IsRanking(std::string_view key) {
  if (key == "top" || key == "most" || key == "least" || key == "best" || key == "worst") return true;
  return key.size() > 4 && key.ends_with("est") && key != "interest" && key != "request" && key != "forest" &&
         key != "harvest" && key != "invest" && key != "suggest";
}

bool IsRequestVerb(std::string_view key) {
  return key == "show" || key == "list" || key == "give" || key == "me" || key == "name" || key == "find" ||
         key == "pick" || key == "get" || key == "rank" || key == "return" || key == "display" || key == "us";
}

bool IsComparison(std::string_view key) {
  return key == "than" || key == "least" || key == "most" || key == "over" || key == "under" ||
         key == "above" || key == "below" || key == "exactly";
}

}  // namespace

void FindTopN(LinkState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.Free(i) || state.tokens()[i].money) continue;
    const auto count = SmallCount(state.Key(i));
    if (!count) continue;
    const std::string& before = state.KeyAt(i, -1);
    const std::string& after = state.KeyAt(i, 1);
    if (IsComparison(before)) continue;
    const bool ranked = before == "first" || IsRanking(before) || IsRanking(after) || IsRequestVerb(before);
    if (!ranked) continue;
    state.Claim(i, 1, "top_n", std::to_string(*count));
    return;
  }
}

}  // namespace crm::nlu
