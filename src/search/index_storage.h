#pragma once
// The search index's tables in the store (internal to search): the BM25 text and the sealed parts.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/search/search_documents.h"

namespace crm::search {

//! One saved part of an index: a name and its sealed bytes.
struct SavedPart {
  std::string name;
  std::string bytes;
};

//! Replaces the BM25 text with the documents' folded texts, the document's number as rowid. The caller
//! holds the transaction.
Status WriteText(sqlite3* db, const SearchDocuments& documents);

//! Replaces every saved part with `parts`, marked with the data's fingerprint and the embedder's name.
//! The caller holds the transaction.
Status WriteParts(sqlite3* db, const std::vector<SavedPart>& parts, std::string_view data_hash,
                  std::string_view embedder);

//! The parts saved for this data and embedder; an Error says why there are none to use (none saved,
//! the data changed, another embedder).
Result<std::vector<SavedPart>> ReadParts(sqlite3* db, std::string_view data_hash, std::string_view embedder);

//! The documents as bytes.
std::string EncodeDocuments(const SearchDocuments& documents);

//! Documents read back from EncodeDocuments's bytes, checked against `data` (every row in range).
Result<SearchDocuments> DecodeDocuments(std::string_view bytes, const Dataset& data);

}  // namespace crm::search
