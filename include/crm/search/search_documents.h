#pragma once
// What search indexes: one document per account and one per distinct opportunity text, each with the
// rows of the dataset it stands for.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/data/string_column.h"

namespace crm::search {

//! The kind of record a document or a result is about.
enum class RecordKind : uint8_t { kAccount = 0, kOpportunity = 1 };

//! "account" or "opportunity".
std::string_view RecordKindName(RecordKind kind);

//! The indexed documents. Accounts come first (document d is account row d), then one document per
//! account and product standing for all of that account's deals of that product: its text names the
//! product, the account, the stages and the agents of those deals, never an id (search resolves ids
//! exactly). A million deals make tens of thousands of documents, which keeps FTS5 and the graph small;
//! search ranks the deals within a document by the query words their own stage and agent match.
struct SearchDocuments {
  std::vector<RecordKind> kinds;         //!< the kind of each document
  StringColumn texts;                    //!< the text of each document, as indexed
  std::vector<uint32_t> row_offsets{0};  //!< document d stands for rows[row_offsets[d], row_offsets[d + 1])
  std::vector<int32_t> rows;             //!< account rows, then opportunity rows (latest first per document)
  size_t account_count = 0;              //!< documents [0, account_count) are accounts

  //! Number of documents.
  size_t size() const { return kinds.size(); }
  //! The rows document `document` stands for.
  std::span<const int32_t> Rows(size_t document) const {
    return std::span<const int32_t>(rows).subspan(row_offsets[document],
                                                  row_offsets[document + 1] - row_offsets[document]);
  }
};

//! The documents of `data`.
SearchDocuments CollectDocuments(const Dataset& data);

//! What a document is mainly about, weighted up in its vector: the account's name, or the product and
//! the account of a deal.
std::string DocumentTitle(const Dataset& data, const SearchDocuments& documents, size_t document);

//! The deal's latest date: its close date, else its engage date, else kNoDay.
int32_t LatestDay(const OpportunityColumns& deals, int32_t row);

//! The text indexed for the deals at `rows`, which share an account (or have none) and a product.
std::string OpportunityGroupText(const Dataset& data, std::span<const int32_t> rows);

}  // namespace crm::search
