#include "crm/nlu/top_n.h"

#include <optional>
#include <string>
#include <string_view>

#include "crm/nlu/number_words.h"

namespace crm::nlu {

namespace {

//! "best", "biggest", "largest", … and the other words that rank: "top", "most", "least", "worst".
//! Superlatives are told by their "-est" ending, less the frequent words that merely end so.
bool IsRanking(std::string_view key) {
  if (key == "top" || key == "most" || key == "least" || key == "best" || key == "worst") return true;
  return key.size() > 4 && key.ends_with("est") && key != "interest" && key != "request" && key != "forest" &&
         key != "harvest" && key != "invest" && key != "suggest";
}

//! The count of a word "top5" / "top-5", or nullopt.
std::optional<int> TopWord(std::string_view key) {
  if (!key.starts_with("top")) return std::nullopt;
  return SmallCount(key.substr(3));
}

bool IsRequestVerb(std::string_view key) {
  return key == "show" || key == "list" || key == "give" || key == "me" || key == "name" || key == "find" ||
         key == "pick" || key == "get" || key == "rank" || key == "return" || key == "display" || key == "us";
}

//! Words before a count that make it a bound rather than a count of results ("more than 3").
bool IsBoundWord(std::string_view key) {
  return key == "than" || key == "least" || key == "most" || key == "over" || key == "under" ||
         key == "above" || key == "below" || key == "exactly";
}

}  // namespace

void FindTopN(LinkState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.Free(i) || state.tokens()[i].money) continue;
    if (const auto count = TopWord(state.Key(i))) {
      state.Claim(i, 1, "top_n", std::to_string(*count));
      return;
    }
    const auto count = SmallCount(state.Key(i));
    if (!count) continue;
    const std::string& before = state.KeyAt(i, -1);
    const std::string& after = state.KeyAt(i, 1);
    if (IsBoundWord(before)) continue;
    const bool ranked = before == "first" || IsRanking(before) || IsRanking(after) || IsRequestVerb(before);
    if (!ranked) continue;
    state.Claim(i, 1, "top_n", std::to_string(*count));
    return;
  }
}

}  // namespace crm::nlu
