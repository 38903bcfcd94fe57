#pragma once
// Frequent English and CRM words that never start a partial or fuzzy name match ("deals", "best").

#include <string_view>

namespace crm::nlu {

//! True when `key` (a folded word without punctuation) is a frequent English or CRM word.
bool IsStopWord(std::string_view key);

//! The English word ending of `key` ("tion", "ment", "ing", …), or "" when it has none: a typo
//! rarely changes such an ending, so "location" is no typo of "Loratron".
std::string_view EnglishEnding(std::string_view key);

//! True when `key` is a company suffix ("corp", "inc", "llc", …) that names may carry or drop.
bool IsCompanySuffix(std::string_view key);

}  // namespace crm::nlu
