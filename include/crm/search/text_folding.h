#pragma once
// Text folding for matching: case folded, accents stripped, split into words, the same way for the
// indexed documents and the user's query.

#include <string>
#include <string_view>
#include <vector>

namespace crm::search {

//! `text` compatibility-normalised, case folded and stripped of accents ("Müller" → "muller"); bytes that
//! are not valid UTF-8 are dropped.
std::string FoldText(std::string_view text);

//! The words of FoldText(text): maximal runs of letters and digits ("Kan-code" → "kan", "code").
std::vector<std::string> Words(std::string_view text);

}  // namespace crm::search
