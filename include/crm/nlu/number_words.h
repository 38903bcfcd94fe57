#pragma once
// Numbers as people type them: "5", "five", "1,000", "1.2", "5k", "$1.2b", "500m".

#include <optional>
#include <string_view>

namespace crm::nlu {

//! A small whole number written in digits or words ("7", "seven", "dozen"), 1 to 100; nullopt otherwise.
std::optional<int> SmallCount(std::string_view key);

//! A quantity and the scale written right after its digits.
struct Quantity {
  double value = 0;     //!< the number as written, without the scale ("1.2" for "1.2b")
  double scale = 1;     //!< 1e3 for k/thousand, 1e6 for m/mn/mm/million, 1e9 for b/bn/billion
  bool scaled = false;  //!< a scale was written
};

//! Parses a folded word of digits with optional thousands commas, decimals and a scale suffix
//! ("1,000", "2.5", "5k", "1.2b"); nullopt when the word is not such a number.
std::optional<Quantity> ParseQuantity(std::string_view text);

//! The scale of a separate scale word ("k", "thousand", "m", "million", "b", "billion", …), 0 for none.
double ScaleWord(std::string_view key);

}  // namespace crm::nlu
