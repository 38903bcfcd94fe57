#include "crm/nlu/numeric_conditions.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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

//! The number (with a scale suffix or word) at word `at`, moving `at` past it; nullopt when none.
std::optional<Quantity> QuantityAt(const LinkState& state, size_t& at) {
  if (!state.Free(at)) return std::nullopt;
  auto quantity = ParseQuantity(state.tokens()[at].text);
  if (!quantity) return std::nullopt;
  ++at;
  if (!quantity->scaled && state.Free(at) && ScaleWord(state.Key(at)) > 0) {
    quantity->scale = ScaleWord(state.Key(at));
    quantity->scaled = true;
    ++at;
  }
  return quantity;
}

//! The field compared by the comparison at `i` whose number ends before `at` (moved past a field named
//! after the number: "over 5k staff"); "" when none is named.
std::string FieldOfComparison(const LinkState& state, size_t i, size_t& at, bool about_time,
                              const Quantity& last) {
  if (about_time)
    return FieldBefore(state, i) == "year_established" && !last.scaled ? "year_established" : "";
  const size_t after = state.Free(at) && state.Key(at) == "in" ? at + 1 : at;
  std::string field = FieldOfWord(state.Key(after));
  if (!field.empty() && field != "year_established" && state.Free(after)) {
    at = after + 1;
    return field;
  }
  field = FieldBefore(state, i);
  if (field.empty() && last.scale >= 1e6) return "revenue";
  return field == "year_established" ? "" : field;
}

//! A quantity in the units of its field: revenue in millions of USD, the rest as written.
double InFieldUnits(const std::string& field, const Quantity& quantity) {
  const double value = quantity.value * quantity.scale;
  return field == "revenue" && (quantity.scaled || value >= 1e5) ? value / 1e6 : value;
}

}  // namespace

void FindNumericConditions(LinkState& state) {
  for (size_t i = 0; i < state.size(); ++i) {
    if (!state.Free(i)) continue;
    std::vector<std::pair<char, Quantity>> bounds;
    bool about_time = false;
    size_t at = i;
    if (state.Key(i) == "between") {
      at = i + 1;
      auto low = QuantityAt(state, at);
      if (!low || !state.Free(at) || state.Key(at) != "and") continue;
      ++at;
      const auto high = QuantityAt(state, at);
      if (!high) continue;
      if (!low->scaled && high->scaled) {
        low->scale = high->scale;
        low->scaled = true;
      }
      bounds = {{'>', *low}, {'<', *high}};
      about_time = FieldBefore(state, i) == "year_established";
    } else {
      const auto comparator = ComparatorAt(state, i);
      if (!comparator) continue;
      at = i + comparator->count;
      const auto quantity = QuantityAt(state, at);
      if (!quantity) continue;
      bounds = {{comparator->op, *quantity}};
      about_time = comparator->about_time;
    }
    const std::string field = FieldOfComparison(state, i, at, about_time, bounds.back().second);
    if (field.empty()) continue;
    for (const auto& [op, quantity] : bounds)
      state.AddCondition(NumericCondition{field, op, InFieldUnits(field, quantity)});
    state.Block(i, at - i);
  }
}

}  // namespace crm::nlu
