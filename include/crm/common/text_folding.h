#pragma once
// Text folding for matching, the same everywhere (cleaning aside): case folded, accents stripped,
// compatibility forms and look-alike punctuation made plain, ill-formed bytes dropped.

#include <cstdint>
#include <string>
#include <string_view>

namespace crm {

//! `text` compatibility-normalised, case folded and stripped of accents ("Müller" → "muller", "ﬁne" →
//! "fine", curly quotes and dashes → ASCII); bytes that are not valid UTF-8 are dropped.
std::string FoldText(std::string_view text);

//! True for a code point that belongs to a word: a letter or a digit of any script.
bool IsWordCodePoint(int32_t code_point);

}  // namespace crm
