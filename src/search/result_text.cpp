#include "result_text.h"

#include <algorithm>
#include <cstdio>

#include "crm/search/text_folding.h"

namespace crm::search {

std::string AccountTitle(const Dataset& data, int32_t row) {
  const Account& account = data.accounts[row];
  std::string details;
  if (account.sector != kNoIndex) details = data.sectors.Value(account.sector);
  if (account.office_location != kNoIndex) {
    details += (details.empty() ? "" : ", ") + data.countries.Value(account.office_location);
  }
  return details.empty() ? account.name : account.name + " (" + details + ")";
}

std::string OpportunityTitle(const Dataset& data, int32_t row) {
  const OpportunityColumns& deals = data.opportunities;
  std::string title = data.products[deals.product[row]].name;
  title +=
      deals.account[row] == kNoIndex ? ", no account yet" : " for " + data.accounts[deals.account[row]].name;
  title += " (" + std::string(DealStageName(deals.deal_stage[row])) + ", " +
           data.sales_agents[deals.sales_agent[row]].name + ")";
  return title;
}

SearchResult MakeResult(const Dataset& data, RecordKind kind, int32_t row, double score,
                        const std::vector<std::string>& reasons) {
  SearchResult result;
  result.kind = kind;
  result.row = row;
  result.score = score;
  if (kind == RecordKind::kAccount) {
    result.id = data.accounts[row].name;
    result.title = AccountTitle(data, row);
  } else {
    result.id = std::string(data.opportunities.id[row]);
    result.title = OpportunityTitle(data, row);
  }
  for (const std::string& reason : reasons) {
    if (reason.empty()) continue;
    if (!result.why.empty()) result.why += "; ";
    result.why += reason;
  }
  return result;
}

bool WordMatches(std::string_view query_word, std::string_view text_word) {
  return text_word == query_word || (query_word.size() >= 2 && text_word.starts_with(query_word));
}

std::string MatchedWords(const std::vector<std::string>& query_words, std::string_view text) {
  const std::vector<std::string> text_words = Words(text);
  std::vector<std::string_view> matched;
  for (const std::string& word : query_words) {
    const bool found = std::any_of(text_words.begin(), text_words.end(), [&](const std::string& candidate) {
      return WordMatches(word, candidate);
    });
    if (found && std::find(matched.begin(), matched.end(), word) == matched.end()) matched.push_back(word);
  }
  std::string phrase;
  for (const std::string_view word : matched) (phrase += phrase.empty() ? "words " : ", ") += word;
  return phrase;
}

std::string FiltersPassed(const std::vector<std::string>& passed) {
  std::string text;
  for (const std::string& filter : passed) text += (text.empty() ? "filters: " : "; ") + filter;
  return text;
}

std::string SimilarityText(double similarity) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", similarity);
  return text;
}

bool ResultList::Has(RecordKind kind, int32_t row) const {
  for (const SearchResult& result : results_) {
    if (result.kind == kind && result.row == row) return true;
  }
  return false;
}

void ResultList::Add(SearchResult result) {
  if (full() || Has(result.kind, result.row)) return;
  results_.push_back(std::move(result));
}

}  // namespace crm::search
