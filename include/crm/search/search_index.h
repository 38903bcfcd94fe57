#pragma once
// Hybrid search over accounts and opportunities: BM25 (SQLite FTS5) and vectors (HNSW) fused by
// reciprocal rank, structured filters, exact ids, and look-alike accounts by profile.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/search/account_profiles.h"
#include "crm/search/embedder.h"
#include "crm/search/search_documents.h"
#include "crm/search/search_request.h"
#include "crm/search/vector_index.h"
#include "crm/store/sqlite.h"
#include "crm/store/store.h"

namespace crm::search {

class ResultList;

//! Which accounts pass a query's filters, worked out once per query (deals test their account here
//! instead of through the account's row, which at a million deals is a cache miss per deal).
struct AccountVerdicts {
  std::vector<bool> passes;             //!< the account passes the account filters
  std::vector<bool> with_passing_deal;  //!< one of its deals passes the deal filters (empty without them)
};

//! Where an index came from.
enum class IndexOrigin : uint8_t { kBuilt, kLoaded };

//! Every search index of one dataset. Safe to query from several threads at once. Keeps a reference to
//! the dataset, which must outlive it.
class SearchIndex {
 public:
  //! Builds the indexes of `data` in memory (BM25 in an in-memory SQLite database); the embedder
  //! defaults to a HashedNgramEmbedder. Shows a progress bar for large data.
  static Result<std::unique_ptr<SearchIndex>> Build(const Dataset& data,
                                                    std::unique_ptr<Embedder> embedder = nullptr);
  //! Loads the indexes saved in `store` when they were built from this data (same fingerprint) by this
  //! embedder and are whole; else builds them and saves them there in one transaction (rebuild_reason()
  //! says why). BM25 queries then read the store's file through a connection of the index's own.
  static Result<std::unique_ptr<SearchIndex>> LoadOrBuild(store::Store& store, const Dataset& data,
                                                          std::unique_ptr<Embedder> embedder = nullptr);
  ~SearchIndex();
  SearchIndex(const SearchIndex&) = delete;
  SearchIndex& operator=(const SearchIndex&) = delete;

  //! The best `request.k` records for the request: exact hits first, then the fusion of BM25 and vector
  //! rankings, each result passing the filters. Text without words but with filters lists the filtered
  //! records: accounts by revenue, then opportunities by stage (funnel order) and recency. An unknown
  //! filter value is an Error listing the known ones, as is a request with neither words nor filters.
  Result<std::vector<SearchResult>> Search(const SearchRequest& request) const;
  //! The `k` accounts whose profiles (size, sector, product mix) are nearest to the account at
  //! `account_row`'s, passing `filters`, most similar first; `why` names what they share.
  Result<std::vector<SearchResult>> SimilarAccounts(int32_t account_row, size_t k,
                                                    const SearchFilters& filters = {}) const;

  //! The row of the account named `name`, case and accents aside, or kNoIndex.
  int32_t FindAccount(std::string_view name) const;
  //! Whether the index was built now or loaded from the store.
  IndexOrigin origin() const { return origin_; }
  //! Why a saved index was not used (empty when none was needed or it was used).
  const std::string& rebuild_reason() const { return rebuild_reason_; }
  //! The indexed documents.
  const SearchDocuments& documents() const { return documents_; }
  //! The embedder of the text vectors.
  const Embedder& embedder() const { return *embedder_; }

 private:
  SearchIndex(const Dataset& data, std::unique_ptr<Embedder> embedder);

  //! Builds documents and vectors (the BM25 text is written by the caller).
  void BuildParts();
  //! Fills document_accounts_ from the documents.
  void NoteDocumentAccounts();
  //! Reads the parts saved in `store` for this data and embedder; an Error says why they cannot be used.
  Status LoadParts(const store::Store& store, const std::string& fingerprint);
  //! Saves the BM25 text and the parts in `store`, in one transaction.
  Status SaveParts(store::Store& store, const std::string& fingerprint) const;
  //! Uses `text_store` (which holds the BM25 table) for text queries.
  Status AttachText(std::unique_ptr<store::Store> text_store);
  //! The BM25 expression of `text` without the words too common to rank (see kCommonWordDocuments).
  Result<std::string> SelectiveExpression(const std::string& text) const;
  //! The documents whose text matches `expression` best, at most `limit`, within [first, end).
  Result<std::vector<uint32_t>> Bm25(const std::string& expression, size_t limit, size_t first,
                                     size_t end) const;
  //! The documents nearest to `query`, at most `limit`, most similar first (none below a floor): among the
  //! kinds asked for through the graphs, or among the ascending documents `among` exactly when given.
  std::vector<Neighbor> Nearest(std::span<const float> query, size_t limit, KindSelection kinds,
                                const std::vector<uint32_t>* among) const;
  //! True when the record at `row` passes the filters (`verdicts` as Verdicts gives); appends the phrases of
  //! the filters passed.
  bool RecordPasses(RecordKind kind, int32_t row, const ResolvedFilters& filters,
                    const AccountVerdicts& verdicts, std::vector<std::string>* reasons) const;
  //! True when one of the records `document` stands for passes the filters.
  bool DocumentPasses(uint32_t document, const ResolvedFilters& filters,
                      const AccountVerdicts& verdicts) const;
  //! Exact hits: an opportunity id among the words, or the account named exactly by the whole text.
  void AddExactHits(const SearchRequest& request, const std::vector<std::string>& words,
                    const ResolvedFilters& filters, const AccountVerdicts& verdicts,
                    ResultList& results) const;
  //! The filtered records without text, in the documented order.
  std::vector<SearchResult> Listing(const SearchRequest& request, const ResolvedFilters& filters) const;
  //! Which accounts pass the filters, for one query.
  AccountVerdicts Verdicts(const ResolvedFilters& filters) const;

  const Dataset& data_;
  std::unique_ptr<Embedder> embedder_;
  SearchDocuments documents_;
  AccountProfiles profiles_;
  std::unique_ptr<VectorIndex> account_vectors_;
  std::unique_ptr<VectorIndex> opportunity_vectors_;
  std::unique_ptr<VectorIndex> profile_vectors_;
  std::unordered_map<std::string, int32_t> folded_account_names_;
  std::vector<int32_t> document_accounts_;  //!< each document's account row (kNoIndex for deals without)
  IndexOrigin origin_ = IndexOrigin::kBuilt;
  std::string rebuild_reason_;
  std::unique_ptr<store::Store> text_store_;
  mutable std::mutex text_mutex_;  //!< one BM25 query at a time on the connection
  store::Statement bm25_query_;
  store::Statement document_count_query_;  //!< the number of documents holding a word
};

}  // namespace crm::search
