#include "crm/nlu/numeric_conditions.h"

#include <optional>
#include <string>
#include <string_view>

#include "crm/nlu/number_words.h"
#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

namespace {

// How many words before a comparator may hold its field ("revenue of more than").
constexpr long kFieldLookBack = 4;

//! A comparator at some words.
struct Comparator {
  char op = '>';
  size_t count = 0;
  bool about_time = false;  //!< before / after: compares founding years
};

std::optional<Comparator> ComparatorAt(const LinkState& state, size_t i) {
  const std::string& key = state.Key(i);
  const std::string& next = state.KeyAt(i, 1);
  const bool than = next == "than";
  if (than && (key == "more" || key == "greater" || key == "bigger" || key == "larger" || key == "higher")) {
    return Comparator{'>', 2, false};
  }
  if (than && (key == "fewer" || key == "less" || key == "smaller" || key == "lower"))
    return Comparator{'<', 2, false};
  if (key == "at" && next == "least") return Comparator{'>', 2, false};
  if (key == "at" && next == "most") return Comparator{'<', 2, false};
  if (key == "over" || key == "above" || key == "exceeding") return Comparator{'>', 1, false};
  if (key == "under" || key == "below") return Comparator{'<', 1, false};
  if (key == "before") return Comparator{'<', 1, true};
  if (key == "after" || key == "since") return Comparator{'>', 1, true};
  if (key == "prior" && next == "to") return Comparator{'<', 2, true};
  if (key == "earlier" && than) return Comparator{'<', 2, true};
  if (key == "later" && than) return Comparator{'>', 2, true};
  return std::nullopt;
}

std::string FieldOfWord(std::string_view key) {
  if (key == "employees" || key == "employee" || key == "staff" || key == "people" || key == "workers" ||
      key == "headcount" || key == "ftes") {
    return "employees";
  }
  if (key == "revenue" || key == "revenues" || key == "turnover" || key == "sales") return "revenue";
  if (key == "founded" || key == "established" || key == "incorporated") return "year_established";
  return "";
}

//! The field named within a few words before `i`, and the first of them; "" when none.
std::string FieldBefore(const LinkState& state, size_t i) {
  for (long back = 1; back <= kFieldLookBack && back <= static_cast<long>(i); ++back) {
    std::string field = FieldOfWord(state.KeyAt(i, -back));
    if (!field.empty()) return field;
  }
  return "";
}

}  // namespace

void FindNumericConditions(LinkState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.Free(i)) continue;
    const auto comparator = ComparatorAt(state, i);
    if (!comparator) continue;
    size_t at = i + comparator->count;
    if (!state.Free(at)) continue;
    const Token& number = state.tokens()[at];
    auto quantity = ParseQuantity(number.text);
    if (!quantity) continue;
    ++at;
    if (!quantity->scaled && state.Free(at) && ScaleWord(state.Key(at)) > 0) {
      quantity->scale = ScaleWord(state.Key(at));
      quantity->scaled = true;
      ++at;
    }
    std::string field;
    if (comparator->about_time) {
      if (FieldBefore(state, i) != "year_established" || quantity->scaled) continue;
      field = "year_established";
    } else {
      const size_t after = state.Key(at) == "in" ? at + 1 : at;
      field = FieldOfWord(state.Key(after));
      if (!field.empty() && field != "year_established") {
        at = after + 1;
      } else {
        field = FieldBefore(state, i);
        if (field.empty() && quantity->scale >= 1e6) field = "revenue";
        if (field.empty() || field == "year_established") continue;
      }
    }
    double value = quantity->value * quantity->scale;
    if (field == "revenue" && (quantity->scaled || value >= 1e5)) value /= 1e6;
    state.AddCondition(NumericCondition{field, comparator->op, value});
    state.Block(i, at - i);
  }
}

}  // namespace crm::nlu
