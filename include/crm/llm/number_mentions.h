#pragma once
// Finds the numbers a text states: amounts ("$1.2M", "USD 3,400", "1.2 million"), percentages, counts,
// plain numbers, dates ("2017-03-01", "March 1, 2017"), months ("March 2017") and quarters ("Q3 2017").

#include <string>
#include <string_view>
#include <vector>

namespace crm::llm {

//! What a number in text stands for.
enum class MentionKind { kNumber, kPercent, kDate, kMonth, kQuarter };

//! One number as a text states it.
struct NumberMention {
  MentionKind kind = MentionKind::kNumber;
  std::string written;       //!< the number as written, with its currency, scale or unit ("$1.2M")
  double value = 0;          //!< kNumber: the amount (1.2e6 for "$1.2M"); kPercent: the percentage (63)
  double half_step = 0;      //!< half the precision written: a value within it rounds to what is written
  int year = 0;              //!< kDate, kMonth, kQuarter; 0 when the text gives none ("March 1")
  int month = 0;             //!< kDate, kMonth
  int day = 0;               //!< kDate
  int quarter = 0;           //!< kQuarter
  bool has_unit = false;     //!< a currency, %, scale word or counted noun ("deals", "days") goes with it
  bool list_marker = false;  //!< "1." or "2)" opening a line
};

//! Every number in `text`, in order. Signs are dropped (amounts are compared by size). Not numbers:
//! digits inside words or identifiers ("GTX500", "1C1I7A6R"), ordinals ("3rd"), version strings
//! ("1.2.3") and numbers spelled out in words ("three").
std::vector<NumberMention> FindNumbers(std::string_view text);

}  // namespace crm::llm
