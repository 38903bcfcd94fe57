#pragma once
// Text folding for matching: case folded, accents stripped, split into words, the same way for the
// indexed documents and the user's query.

#include <string>
#include <string_view>
#include <vector>

#include "crm/common/text_folding.h"

namespace crm::search {

//! The words of FoldText(text): maximal runs of letters and digits ("Kan-code" → "kan", "code").
std::vector<std::string> Words(std::string_view text);

}  // namespace crm::search
