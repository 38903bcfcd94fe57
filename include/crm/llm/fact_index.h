#pragma once
// The numbers a writing task's facts contain, ready to back the numbers of a text: every JSON number,
// every number or date inside a string or key, and the years and quarters of the dates.

#include <vector>

#include <nlohmann/json.hpp>

#include "crm/llm/number_mentions.h"

namespace crm::llm {

//! The facts' numbers and calendar dates, indexed for matching mentions.
class FactIndex {
 public:
  //! Walks every value and key of `facts`.
  explicit FactIndex(const nlohmann::json& facts);

  //! True when a fact supports `mention`: a number within its rounding (a percentage may match a
  //! fraction, 63% ↔ 0.63), a date with the same day and month (and year when written), a month, or
  //! a quarter that holds a fact's date.
  bool Supports(const NumberMention& mention) const;

 private:
  //! A calendar fact; parts it does not give are 0.
  struct FactDate {
    int year;
    int month;
    int day;
    int quarter;
  };

  void Walk(const nlohmann::json& value);
  void AddText(std::string_view text);
  bool SupportsNumber(double value, double half_step) const;

  std::vector<double> numbers_;
  std::vector<FactDate> dates_;
};

}  // namespace crm::llm
