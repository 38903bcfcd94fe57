#pragma once
// The words of search results (internal to search): titles and the parts of `why`.

#include <string>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/search/search_request.h"

namespace crm::search {

//! "Kan-code (software, United States)".
std::string AccountTitle(const Dataset& data, int32_t row);

//! "GTX Pro for Kan-code (Won, Darcel Schlecht)"; "GTX Pro, no account yet (…)" for a deal without one.
std::string OpportunityTitle(const Dataset& data, int32_t row);

//! The result for the record at `row`, titled; `why` joins `reasons` with "; ".
SearchResult MakeResult(const Dataset& data, RecordKind kind, int32_t row, double score,
                        const std::vector<std::string>& reasons);

//! True when a query word matches a word of a text: equal, or a prefix of two or more characters.
bool WordMatches(std::string_view query_word, std::string_view text_word);

//! "words kan, code": the query words found in `text` as words or word prefixes (two or more
//! characters); empty when none is.
std::string MatchedWords(const std::vector<std::string>& query_words, std::string_view text);

//! "filters: technology; 2,822 employees > 1,000"; empty when `passed` is.
std::string FiltersPassed(const std::vector<std::string>& passed);

//! A similarity to two decimals: "0.83".
std::string SimilarityText(double similarity);

//! Results up to a limit, each record once (the first time it is added).
class ResultList {
 public:
  explicit ResultList(size_t limit) : limit_(limit) {}
  //! True when no more results are wanted.
  bool full() const { return results_.size() >= limit_; }
  //! True when the record is already listed.
  bool Has(RecordKind kind, int32_t row) const;
  //! Adds `result` unless full or its record is listed.
  void Add(SearchResult result);
  //! The results, in order of addition.
  std::vector<SearchResult>& results() { return results_; }

 private:
  size_t limit_;
  std::vector<SearchResult> results_;
};

}  // namespace crm::search
