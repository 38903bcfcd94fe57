#include "crm/nlu/number_words.h"

#include <array>
#include <charconv>
#include <string>

#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

namespace {

constexpr std::array kCountWords = {"zero",     "one",      "two",      "three",   "four",    "five",
                                    "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                                    "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                    "eighteen", "nineteen", "twenty"};

}  // namespace

std::optional<int> SmallCount(std::string_view key) {
  if (IsDigits(key) && key.size() <= 3 && key[0] != '0') {
    int value = 0;
    std::from_chars(key.data(), key.data() + key.size(), value);
    if (value >= 1 && value <= 100) return value;
    return std::nullopt;
  }
  for (size_t i = 1; i < kCountWords.size(); ++i) {
    if (key == kCountWords[i]) return static_cast<int>(i);
  }
  if (key == "dozen") return 12;
  return std::nullopt;
}

double ScaleWord(std::string_view key) {
  if (key == "k" || key == "thousand") return 1e3;
  if (key == "m" || key == "mn" || key == "mm" || key == "million" || key == "millions") return 1e6;
  if (key == "b" || key == "bn" || key == "billion" || key == "billions") return 1e9;
  return 0;
}

std::optional<Quantity> ParseQuantity(std::string_view text) {
  size_t digits_end = 0;
  std::string plain;
  bool seen_point = false;
  while (digits_end < text.size()) {
    const char c = text[digits_end];
    if (c >= '0' && c <= '9') {
      plain.push_back(c);
    } else if (c == ',' && !seen_point && !plain.empty() && digits_end + 1 < text.size() &&
               text[digits_end + 1] >= '0' && text[digits_end + 1] <= '9') {
      // A thousands separator: skipped.
    } else if (c == '.' && !seen_point && !plain.empty()) {
      seen_point = true;
      plain.push_back(c);
    } else {
      break;
    }
    ++digits_end;
  }
  if (plain.empty() || plain.back() == '.') return std::nullopt;
  Quantity quantity;
  const auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), quantity.value);
  if (error != std::errc() || end != plain.data() + plain.size()) return std::nullopt;
  const std::string_view suffix = text.substr(digits_end);
  if (!suffix.empty()) {
    quantity.scale = ScaleWord(suffix);
    if (quantity.scale == 0) return std::nullopt;
    quantity.scaled = true;
  }
  return quantity;
}

}  // namespace crm::nlu
