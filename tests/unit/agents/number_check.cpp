#include "number_check.h"

#include <cctype>
#include <cmath>
#include <regex>

namespace crm::agents::test {

namespace {

//! Every number among the facts: numeric values, and the digit runs inside text values (dates, names).
void CollectNumbers(const nlohmann::json& facts, std::vector<double>& numbers) {
  if (facts.is_number()) {
    numbers.push_back(facts.get<double>());
  } else if (facts.is_string()) {
    static const std::regex kDigits("[0-9]+(\\.[0-9]+)?");
    const std::string text = facts.get<std::string>();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), kDigits); it != std::sregex_iterator();
         ++it) {
      numbers.push_back(std::stod(it->str()));
    }
  } else if (facts.is_structured()) {
    for (const auto& item : facts) CollectNumbers(item, numbers);
  }
}

//! True when a fact rounds to the number as written: whole or to its decimals, as a percentage, in
//! millions or thousands.
bool Backed(double written, int decimals, char suffix, const std::vector<double>& facts) {
  const double step = std::pow(10.0, -decimals) / 2 + 1e-9;
  for (double fact : facts) {
    const double magnitude = std::fabs(fact);
    if (suffix == '%' &&
        (std::fabs(magnitude * 100 - written) <= step || std::fabs(magnitude - written) <= step)) {
      return true;
    }
    if (suffix == 'M' && std::fabs(magnitude / 1e6 - written) <= step) return true;
    if (suffix == 'K' && std::fabs(magnitude / 1e3 - written) <= step) return true;
    if (suffix == 0 &&
        (std::fabs(magnitude - written) <= step || std::fabs(magnitude * 100 - written) <= step)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> UnbackedNumbers(const std::string& text, const nlohmann::json& facts) {
  std::vector<double> numbers;
  CollectNumbers(facts, numbers);
  static const std::regex kNumber("[0-9][0-9,]*(\\.[0-9]+)?([%MK]?)");
  std::vector<std::string> unbacked;
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kNumber); it != std::sregex_iterator();
       ++it) {
    // Digits inside a word (an id such as "S3W6Q07M", "p10") belong to a name, not a number.
    const size_t start = static_cast<size_t>(it->position());
    const size_t end = start + static_cast<size_t>(it->length());
    if ((start > 0 && is_word(text[start - 1])) || (end < text.size() && is_word(text[end]))) continue;
    std::string digits = it->str();
    const std::string suffix = (*it)[2].str();
    if (!suffix.empty()) digits.pop_back();
    while (!digits.empty() && digits.back() == ',') digits.pop_back();
    std::string plain;
    for (char c : digits) {
      if (c != ',') plain += c;
    }
    const size_t dot = plain.find('.');
    const int decimals = dot == std::string::npos ? 0 : static_cast<int>(plain.size() - dot - 1);
    if (!Backed(std::stod(plain), decimals, suffix.empty() ? 0 : suffix[0], numbers))
      unbacked.push_back(it->str());
  }
  return unbacked;
}

}  // namespace crm::agents::test
