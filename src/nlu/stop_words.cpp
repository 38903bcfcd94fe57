#include "crm/nlu/stop_words.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

namespace crm::nlu {

namespace {

// Sorted once at first use; lookups are binary searches.
constexpr std::array kStopWords = {
    // Function words.
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "either", "else", "every", "few", "for", "from",
    "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "least", "less", "like", "may", "me", "might", "mine", "more",
    "most", "much", "must", "my", "near", "neither", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "ours", "out", "over", "own", "per", "please", "same", "shall", "she",
    "should", "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us",
    "very", "via", "vs", "versus", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
    "yours",
    // Frequent verbs, adjectives and nouns of questions.
    "add", "ask", "best", "cheer", "better", "big", "bigger", "biggest", "bring", "change", "check", "close",
    "closed", "closes", "closing", "come", "compare", "compared", "count", "create", "current", "days",
    "detail", "details", "display", "does", "draft", "email", "emails", "explain", "fast", "find", "first",
    "focus", "get", "give", "go", "going", "good", "grant", "great", "happen", "help", "high", "higher",
    "highest", "hot", "know", "large", "larger", "largest", "last", "latest", "let", "list", "long", "look",
    "low", "lower", "lowest", "make", "many", "message", "month", "months", "name", "names", "need", "new",
    "newer", "newest", "next", "note", "number", "old", "older", "open", "past", "plan", "put", "quarter",
    "quarters", "rank", "rate", "rates", "ready", "recent", "rest", "right", "risk", "risky", "see", "send",
    "show", "small", "smaller", "start", "still", "summary", "summarize", "summarise", "take", "tell", "test",
    "thanks", "time", "today", "top", "total", "trend", "trends", "vast", "want", "way", "week", "weeks",
    "well", "work", "worst", "write", "year", "years",
    // CRM words.
    "account", "accounts", "agent", "agents", "amount", "average", "client", "clients", "companies",
    "company", "conversion", "customer", "customers", "deal", "deals", "employees", "engaging", "forecast",
    "industry", "industries", "lead", "leads", "lost", "manager", "managers", "massive", "office", "offices",
    "opportunities", "opportunity", "performance", "pipeline", "price", "product", "products", "prospect",
    "prospecting", "prospects", "region", "regions", "rep", "reps", "revenue", "sale", "sales", "score",
    "sector", "sectors", "series", "stage", "stages", "team", "teams", "value", "values", "win", "wins",
    "won",
    // Months and seasons (periods are read separately).
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
    "december", "calendar", "fiscal", "spring", "summer", "autumn", "fall", "winter"};

constexpr std::array kCompanySuffixes = {"co",  "company",      "corp", "corporation", "group",  "holdings",
                                         "inc", "incorporated", "llc",  "ltd",         "limited"};

constexpr std::array kEnglishEndings = {"tion", "sion", "ment", "ness", "ing", "ity", "ance", "ence",
                                        "able", "ible", "ful",  "less", "ous", "ive", "ship", "ical",
                                        "ally", "ary",  "ory",  "ize",  "ise", "ism", "ist"};

template <size_t N>
std::vector<std::string_view> SortedWords(const std::array<const char*, N>& words) {
  std::vector<std::string_view> sorted(words.begin(), words.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

}  // namespace

bool IsStopWord(std::string_view key) {
  static const std::vector<std::string_view> words = SortedWords(kStopWords);
  return std::binary_search(words.begin(), words.end(), key);
}

bool IsCompanySuffix(std::string_view key) {
  static const std::vector<std::string_view> words = SortedWords(kCompanySuffixes);
  return std::binary_search(words.begin(), words.end(), key);
}

}  // namespace crm::nlu

namespace crm::nlu {

std::string_view EnglishEnding(std::string_view key) {
  for (const char* ending : kEnglishEndings) {
    if (key.size() > std::string_view(ending).size() + 2 && key.ends_with(ending)) return ending;
  }
  return "";
}

}  // namespace crm::nlu
