#pragma once
// Folding of question and name text for matching: case folding, accent stripping, punctuation-free keys.

#include <string>
#include <string_view>

#include "crm/common/text_folding.h"

namespace crm::nlu {

//! The matching key of folded text: its letters and digits only ("kan-code" → "kancode").
std::string MatchKey(std::string_view folded);

//! True when every byte of `text` is an ASCII digit (and there is at least one).
bool IsDigits(std::string_view text);

//! True when every byte of `text` is an ASCII letter (and there is at least one).
bool IsLetters(std::string_view text);

}  // namespace crm::nlu
