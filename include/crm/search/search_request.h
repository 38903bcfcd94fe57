#pragma once
// What a search asks for and what it answers.

#include <cstdint>
#include <string>

#include "crm/search/search_documents.h"
#include "crm/search/search_filters.h"

namespace crm::search {

//! Which kinds of record a search returns.
enum class KindSelection : uint8_t { kBoth, kAccounts, kOpportunities };

//! One search.
struct SearchRequest {
  std::string
      text{};  //!< the user's words; an 8-character opportunity id or an account's exact name is an exact hit
  size_t k = 10;  //!< most results
  KindSelection kinds = KindSelection::kBoth;
  SearchFilters filters{};
};

//! One result.
struct SearchResult {
  RecordKind kind = RecordKind::kAccount;
  std::string id;          //!< the account's name or the opportunity's id
  std::string title;       //!< one line naming the record
  double score = 0.0;      //!< 1 for an exact hit, else the fused rank score (0 when only filters ranked it)
  std::string why;         //!< in words: the words that matched, the vector similarity, the filters passed
  int32_t row = kNoIndex;  //!< the record's row in Dataset::accounts or Dataset::opportunities
};

}  // namespace crm::search
