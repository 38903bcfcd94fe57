#pragma once
// The FTS5 MATCH expression for a user's text, built so that nothing the user types is FTS syntax.

#include <functional>
#include <string>
#include <string_view>

namespace crm::search {

//! Most words of a query that reach FTS5 (the rest are ignored, which bounds the cost of a query).
inline constexpr size_t kMaxQueryWords = 32;

//! The words of `text` (see Words), each as a quoted FTS5 string, joined with OR, the last one (the word
//! being typed) also as a prefix when it has two or more characters: `"kan" OR "co"*`. Quotes, NEAR(,
//! column filters, AND, - and * in the text are never operators. Empty when the text has no words.
std::string FtsMatchExpression(std::string_view text);

//! How a word of the query takes part in the MATCH expression.
enum class WordUse { kLeaveOut, kExact, kPrefix };

//! The same, each word used as `use(word, last)` says (`last` is true for the last word of the text).
std::string FtsMatchExpression(std::string_view text,
                               const std::function<WordUse(const std::string& word, bool last)>& use);

}  // namespace crm::search
