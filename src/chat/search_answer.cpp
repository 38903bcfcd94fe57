#include "crm/chat/search_answer.h"
#include "crm/search/result_json.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>

#include "crm/chat/markdown.h"

namespace crm::chat {

namespace {

//! The question's words in lower case with their byte offsets.
struct Word {
  std::string text;
  size_t begin;
  size_t end;
};

std::vector<Word> WordsOf(std::string_view question) {
  std::vector<Word> words;
  size_t at = 0;
  while (at < question.size()) {
    const auto u = static_cast<unsigned char>(question[at]);
    if (!(std::isalnum(u) || u >= 0x80)) {
      ++at;
      continue;
    }
    Word word{"", at, at};
    while (at < question.size()) {
      const auto c = static_cast<unsigned char>(question[at]);
      if (!(std::isalnum(c) || c >= 0x80 || c == '-' || c == '\'')) break;
      word.text += static_cast<char>(std::tolower(c));
      ++at;
    }
    word.end = at;
    words.push_back(std::move(word));
  }
  return words;
}

//! Words that say how to search rather than what to find.
bool IsFiller(const std::string& word) {
  static const std::vector<std::string_view> kFiller = {
      "find",          "show",        "list",     "search",    "look",      "lookup",   "up",
      "for",           "me",          "all",      "the",       "a",         "an",       "any",
      "some",          "with",        "more",     "than",      "less",      "fewer",    "over",
      "under",         "above",       "below",    "at",        "least",     "most",     "employees",
      "employee",      "staff",       "people",   "headcount", "revenue",   "revenues", "founded",
      "established",   "before",      "after",    "since",     "companies", "company",  "accounts",
      "account",       "customers",   "customer", "clients",   "client",    "deals",    "deal",
      "opportunities", "opportunity", "in",       "of",        "that",      "which",    "who",
      "are",           "is",          "have",     "has",       "based",     "located",  "from",
      "million",       "billion",     "m",        "b",         "k",         "and",      "or",
      "get",           "give",        "please",   "where",     "records",   "similar"};
  return std::find(kFiller.begin(), kFiller.end(), word) != kFiller.end();
}

bool IsNumber(const std::string& word) {
  return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ',' || c == '.' || c == '$' || c == 'k' ||
           c == 'm' || c == 'b';
  }) && std::isdigit(static_cast<unsigned char>(word.front()));
}

//! True when the word names a kind of record.
bool Names(const std::vector<Word>& words, std::initializer_list<std::string_view> kinds) {
  for (const Word& word : words) {
    for (const std::string_view kind : kinds) {
      if (word.text == kind) return true;
    }
  }
  return false;
}

std::string Value(const nlu::Entities& entities, const char* key) {
  const auto found = entities.find(key);
  return found == entities.end() ? std::string() : found->second;
}

}  // namespace

bool AsksForLookAlikes(std::string_view question) {
  for (const Word& word : WordsOf(question)) {
    for (const std::string_view cue : {"similar", "like", "lookalike", "lookalikes", "look-alike",
                                       "look-alikes", "resembling", "comparable", "peers", "alike"}) {
      if (word.text == cue) return true;
    }
  }
  return false;
}

search::SearchRequest SearchRequestOf(std::string_view question, const nlu::Understanding& understanding) {
  search::SearchRequest request;
  const nlu::Entities& entities = understanding.entities;
  request.filters.sector = Value(entities, "sector");
  request.filters.country = Value(entities, "country");
  request.filters.deal_stage = Value(entities, "deal_stage");
  request.filters.product = Value(entities, "product");
  request.filters.sales_agent = Value(entities, "sales_agent");
  for (const nlu::NumericCondition& condition : understanding.linked.conditions) {
    if (const auto field = search::AccountFieldFromName(condition.field))
      request.filters.numeric.push_back({*field, condition.op, condition.value});
  }
  const std::string top = Value(entities, "top_n");
  size_t k = 0;
  std::from_chars(top.data(), top.data() + top.size(), k);
  if (k > 0) request.k = std::min<size_t>(k, 100);
  const std::vector<Word> words = WordsOf(question);
  const bool accounts = Names(words, {"company", "companies", "account", "accounts", "customer", "customers",
                                      "client", "clients", "firm", "firms", "businesses"});
  const bool deals = Names(words, {"deal", "deals", "opportunity", "opportunities", "oppty", "opps"});
  if (accounts != deals)
    request.kinds = accounts ? search::KindSelection::kAccounts : search::KindSelection::kOpportunities;
  std::string text;
  for (const Word& word : words) {
    const bool linked = std::any_of(understanding.linked.spans.begin(), understanding.linked.spans.end(),
                                    [&](const nlu::EntitySpan& span) {
                                      return word.begin < span.end && span.begin < word.end &&
                                             span.key != "account" && span.key != "opportunity_id";
                                    });
    if (linked || IsFiller(word.text) || IsNumber(word.text)) continue;
    text += (text.empty() ? "" : " ") + std::string(question.substr(word.begin, word.end - word.begin));
  }
  request.text = std::move(text);
  return request;
}

Answer AnswerSearch(const AnswerContext& context, const search::SearchIndex* index, std::string_view question,
                    const nlu::Understanding& understanding) {
  Answer answer;
  answer.intent = "search";
  answer.entities = understanding.entities;
  if (index == nullptr) {
    answer.markdown = "Search is not available: its index could not be built or loaded.";
    answer.data = {{"results", nlohmann::json::array()}};
    return answer;
  }
  search::SearchRequest request = SearchRequestOf(question, understanding);
  const std::string account = Value(understanding.entities, "account");
  const int32_t account_row = account.empty() ? kNoIndex : context.data.FindAccount(account);
  const bool look_alikes = account_row != kNoIndex && AsksForLookAlikes(question);
  Result<std::vector<search::SearchResult>> results =
      look_alikes ? index->SimilarAccounts(account_row, request.k, request.filters) : index->Search(request);
  if (!results.ok()) {
    answer.markdown = "I could not search for that: " + EscapeMarkdown(results.error().message) + ".";
    answer.data = {{"error", results.error().message}, {"results", nlohmann::json::array()}};
    return answer;
  }
  nlohmann::json listed = nlohmann::json::array();
  std::string text = look_alikes ? "Accounts most like **" + EscapeMarkdown(account) +
                                       "** by size, sector and products bought:\n\n"
                                 : "";
  if (results->empty()) text += "Nothing matches that search.";
  size_t rank = 0;
  for (const search::SearchResult& result : *results) {
    const std::string kind(search::RecordKindName(result.kind));
    text += std::to_string(++rank) + ". **" + EscapeMarkdown(result.title) + "** — " +
            EscapeMarkdown(result.why) + "\n";
    listed.push_back(search::ResultJson(result));
    answer.sources.push_back({{"kind", kind}, {"id", result.id}});
  }
  answer.markdown = std::move(text);
  answer.data = {{"query", request.text},
                 {"look_alikes_of", look_alikes ? nlohmann::json(account) : nlohmann::json()},
                 {"results", std::move(listed)}};
  return answer;
}

}  // namespace crm::chat
