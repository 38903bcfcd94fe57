#pragma once
// Splits a question into words with their byte offsets in the original text, folded for matching.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace crm::nlu {

//! One word of a question: edge punctuation and a possessive "'s" are outside [begin, end).
struct Token {
  size_t begin = 0;    //!< byte offset of the word in the original text
  size_t end = 0;      //!< one past its last byte
  std::string text;    //!< the word folded (lower case, no accents), inner punctuation kept: "follow-up"
  std::string key;     //!< letters and digits of `text` only: "followup"
  bool money = false;  //!< a currency sign stood before the word: "$500m"
  bool upper = false;  //!< the word was written in capitals only: "US"
};

//! The words of `text`, split at spaces and sentence punctuation; words without a letter or digit are
//! dropped ("&", "-").
std::vector<Token> Tokenize(std::string_view text);

}  // namespace crm::nlu
