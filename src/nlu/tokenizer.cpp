#include "crm/nlu/tokenizer.h"

#include <algorithm>

#include "crm/nlu/text_normalization.h"

namespace crm::nlu {

namespace {

bool IsSeparator(char c) {
  static constexpr std::string_view kSeparators = " \t\r\n\f\v/?!;:()\"[]{}<>|";
  return kSeparators.find(c) != std::string_view::npos;
}

bool IsAsciiPunctuation(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
}

//! Typographic quotes (U+2018, U+2019, U+201C, U+201D) are three bytes: E2 80 98/99/9C/9D.
bool IsCurlyQuoteAt(std::string_view text, size_t at) {
  if (at + 3 > text.size()) return false;
  const auto last = static_cast<unsigned char>(text[at + 2]);
  return text[at] == '\xE2' && text[at + 1] == '\x80' &&
         (last == 0x98 || last == 0x99 || last == 0x9C || last == 0x9D);
}

//! Moves [begin, end) inwards past punctuation and quotes on both edges.
void TrimEdges(std::string_view text, size_t& begin, size_t& end) {
  while (begin < end) {
    if (IsAsciiPunctuation(text[begin])) {
      ++begin;
    } else if (end - begin >= 3 && IsCurlyQuoteAt(text, begin)) {
      begin += 3;
    } else {
      break;
    }
  }
  while (end > begin) {
    if (IsAsciiPunctuation(text[end - 1])) {
      --end;
    } else if (end - begin >= 3 && IsCurlyQuoteAt(text, end - 3)) {
      end -= 3;
    } else {
      break;
    }
  }
}

//! Drops a possessive "'s" or "’s" ending.
void TrimPossessive(std::string_view text, size_t begin, size_t& end) {
  const std::string_view word = text.substr(begin, end - begin);
  if (word.size() > 2 && (word.ends_with("'s") || word.ends_with("'S"))) {
    end -= 2;
  } else if (word.size() > 4 && (word.ends_with("\xE2\x80\x99s") || word.ends_with("\xE2\x80\x99S"))) {
    end -= 4;
  }
}

bool IsCurrencySign(char c) { return c == '$'; }

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && IsSeparator(text[at])) ++at;
    const size_t run_begin = at;
    while (at < text.size() && !IsSeparator(text[at])) ++at;
    size_t begin = run_begin;
    size_t end = at;
    TrimEdges(text, begin, end);
    TrimPossessive(text, begin, end);
    TrimEdges(text, begin, end);
    if (begin >= end) continue;
    const std::string_view raw = text.substr(begin, end - begin);
    Token token;
    token.begin = begin;
    token.end = end;
    token.text = FoldText(raw);
    token.key = MatchKey(token.text);
    if (token.key.empty()) continue;
    token.money = std::any_of(text.begin() + static_cast<std::ptrdiff_t>(run_begin),
                              text.begin() + static_cast<std::ptrdiff_t>(begin), IsCurrencySign);
    token.upper = std::any_of(raw.begin(), raw.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                  std::none_of(raw.begin(), raw.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace crm::nlu
