// SearchIndex's queries: exact hits, BM25 and vectors fused by rank, filters, listings, look-alikes.
#include <algorithm>
#include <cctype>

#include "crm/search/fts_query.h"
#include "crm/search/rank_fusion.h"
#include "crm/search/search_index.h"
#include "crm/search/text_folding.h"
#include "result_text.h"

namespace crm::search {

namespace {

//! Candidates fetched from each ranking without filters: this many times k, at least kMinFetch.
constexpr size_t kFetchFactor = 4;
constexpr size_t kMinFetch = 40;
//! With filters, BM25 candidates fetched (then filtered): FTS5 ranks every match whatever the limit.
constexpr size_t kFilteredBm25Fetch = 4096;
//! With filters leaving at most this many documents, their vectors are compared exactly; with more, the
//! graph is searched for enough neighbours that the share passing leaves the usual fetch, at most
//! kFilteredVectorFetch, and they are filtered.
constexpr size_t kExactLimit = 5000;
constexpr size_t kFilteredVectorFetch = 1024;
//! A word in more documents than this is left out of the BM25 query (FTS5 ranks every match, so such a
//! word would cost tens of milliseconds at a million deals and tell little); when every word is that
//! common, the vectors rank alone. Below this many documents nothing is left out.
constexpr int64_t kCommonWordDocuments = 4000;
//! Most look-alike candidates fetched.
constexpr size_t kMaxFetch = 4096;
//! Vector neighbours less similar than this are not candidates (they share nothing with the query).
constexpr float kMinSimilarity = 0.05f;

std::string Trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

//! How many query words each deal's own fields match (its agent's name, manager and office, its
//! stage), to rank the deals of one document: the document matched as a whole, its deals differ.
class RowWordHits {
 public:
  RowWordHits(const Dataset& data, const std::vector<std::string>& words)
      : deals_(data.opportunities), agents_(data.sales_agents.size(), 0) {
    for (size_t agent = 0; agent < agents_.size(); ++agent) {
      const SalesAgent& person = data.sales_agents[agent];
      const std::string fields = person.name + " " + data.managers.Value(person.manager) + " " +
                                 data.regional_offices.Value(person.regional_office);
      agents_[agent] = Hits(words, fields);
      any_ = any_ || agents_[agent] > 0;
    }
    for (int stage = 0; stage < kDealStageCount; ++stage) {
      stages_[stage] = Hits(words, DealStageName(static_cast<DealStage>(stage)));
      any_ = any_ || stages_[stage] > 0;
    }
  }
  //! Orders `rows` by hits, most first, keeping their order otherwise.
  void Order(std::vector<int32_t>& rows) const {
    if (!any_) return;
    std::stable_sort(rows.begin(), rows.end(), [&](int32_t a, int32_t b) { return Of(a) > Of(b); });
  }

 private:
  static int Hits(const std::vector<std::string>& words, std::string_view fields) {
    const std::vector<std::string> field_words = Words(fields);
    return static_cast<int>(std::count_if(words.begin(), words.end(), [&](const std::string& word) {
      return std::any_of(field_words.begin(), field_words.end(),
                         [&](const std::string& field_word) { return WordMatches(word, field_word); });
    }));
  }
  int Of(int32_t row) const {
    return agents_[deals_.sales_agent[row]] + stages_[static_cast<int>(deals_.deal_stage[row])];
  }

  const OpportunityColumns& deals_;
  std::vector<int> agents_;
  int stages_[kDealStageCount] = {};
  bool any_ = false;
};

bool WantsAccounts(KindSelection kinds) { return kinds != KindSelection::kOpportunities; }
bool WantsOpportunities(KindSelection kinds) { return kinds != KindSelection::kAccounts; }

}  // namespace

AccountVerdicts SearchIndex::Verdicts(const ResolvedFilters& filters) const {
  AccountVerdicts verdicts;
  verdicts.passes.resize(data_.accounts.size());
  for (size_t row = 0; row < data_.accounts.size(); ++row) {
    verdicts.passes[row] = filters.AccountPasses(static_cast<int32_t>(row), nullptr);
  }
  if (!filters.HasDealFilters()) return verdicts;
  verdicts.with_passing_deal.assign(data_.accounts.size(), false);
  const OpportunityColumns& deals = data_.opportunities;
  for (size_t document = documents_.account_count; document < documents_.size(); ++document) {
    const int32_t account = document_accounts_[document];
    if (account == kNoIndex || verdicts.with_passing_deal[account]) continue;
    for (const int32_t row : documents_.Rows(document)) {
      if (filters.DealPasses(deals.product[row], deals.sales_agent[row], deals.deal_stage[row], nullptr)) {
        verdicts.with_passing_deal[account] = true;
        break;
      }
    }
  }
  return verdicts;
}

bool SearchIndex::RecordPasses(RecordKind kind, int32_t row, const ResolvedFilters& filters,
                               const AccountVerdicts& verdicts, std::vector<std::string>* reasons) const {
  if (kind == RecordKind::kOpportunity) return filters.OpportunityPasses(row, reasons);
  if (!verdicts.with_passing_deal.empty() && !verdicts.with_passing_deal[row]) return false;
  return reasons == nullptr ? static_cast<bool>(verdicts.passes[row]) : filters.AccountPasses(row, reasons);
}

bool SearchIndex::DocumentPasses(uint32_t document, const ResolvedFilters& filters,
                                 const AccountVerdicts& verdicts) const {
  const RecordKind kind = documents_.kinds[document];
  if (kind == RecordKind::kAccount)
    return RecordPasses(kind, static_cast<int32_t>(document), filters, verdicts, nullptr);
  // The deals of a document share their account and product: without a deal filter the account's
  // verdict answers for all of them.
  const int32_t account = document_accounts_[document];
  if (!filters.HasDealFilters())
    return account == kNoIndex ? !filters.HasAccountFilters() : verdicts.passes[account];
  const std::span<const int32_t> rows = documents_.Rows(document);
  return std::any_of(rows.begin(), rows.end(),
                     [&](int32_t row) { return RecordPasses(kind, row, filters, verdicts, nullptr); });
}

Result<std::string> SearchIndex::SelectiveExpression(const std::string& text) const {
  if (documents_.size() <= static_cast<size_t>(kCommonWordDocuments)) return FtsMatchExpression(text);
  std::lock_guard lock(text_mutex_);
  bool failed = false;
  // Documents holding `word`, or (for a prefix) an upper bound: the sum over the words it starts.
  const auto documents_with = [&](const std::string& word, bool prefix) {
    sqlite3_stmt* query = document_count_query_.get();
    sqlite3_reset(query);
    sqlite3_bind_text(query, 1, word.data(), static_cast<int>(word.size()), SQLITE_TRANSIENT);
    const std::string end = prefix ? word + "\xF4\x8F\xBF\xBF" : word;  // after every word it starts
    sqlite3_bind_text(query, 2, end.data(), static_cast<int>(end.size()), SQLITE_TRANSIENT);
    failed = failed || sqlite3_step(query) != SQLITE_ROW;
    return failed ? 0 : sqlite3_column_int64(query, 0);
  };
  std::string expression = FtsMatchExpression(text, [&](const std::string& word, bool last) {
    if (last && word.size() >= 2 && documents_with(word, true) <= kCommonWordDocuments)
      return WordUse::kPrefix;
    return documents_with(word, false) <= kCommonWordDocuments ? WordUse::kExact : WordUse::kLeaveOut;
  });
  if (failed) return Error{"the text search failed: " + store::LastError(text_store_->connection())};
  return expression;
}

Result<std::vector<uint32_t>> SearchIndex::Bm25(const std::string& expression, size_t limit, size_t first,
                                                size_t end) const {
  if (expression.empty()) return std::vector<uint32_t>();
  std::lock_guard lock(text_mutex_);
  sqlite3_stmt* query = bm25_query_.get();
  sqlite3_reset(query);
  sqlite3_bind_text(query, 1, expression.data(), static_cast<int>(expression.size()), SQLITE_STATIC);
  sqlite3_bind_int64(query, 2, static_cast<int64_t>(first));
  sqlite3_bind_int64(query, 3, static_cast<int64_t>(end));
  sqlite3_bind_int64(query, 4, static_cast<int64_t>(limit));
  std::vector<uint32_t> documents;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(query)) == SQLITE_ROW)
    documents.push_back(static_cast<uint32_t>(sqlite3_column_int64(query, 0)));
  if (step != SQLITE_DONE)
    return Error{"the text search failed: " + store::LastError(text_store_->connection())};
  return documents;
}

std::vector<Neighbor> SearchIndex::Nearest(std::span<const float> query, size_t limit, KindSelection kinds,
                                           const std::vector<uint32_t>* among) const {
  std::vector<Neighbor> nearest;
  if (among != nullptr) {
    // Documents are ascending: the accounts' come first.
    const auto split = std::lower_bound(among->begin(), among->end(), documents_.account_count);
    nearest = account_vectors_->SearchAmong(query, std::span<const uint32_t>(among->begin(), split), limit);
    const std::vector<Neighbor> deals =
        opportunity_vectors_->SearchAmong(query, std::span<const uint32_t>(split, among->end()), limit);
    nearest.insert(nearest.end(), deals.begin(), deals.end());
  } else {
    if (WantsAccounts(kinds)) nearest = account_vectors_->Search(query, limit);
    if (WantsOpportunities(kinds)) {
      const std::vector<Neighbor> deals = opportunity_vectors_->Search(query, limit);
      nearest.insert(nearest.end(), deals.begin(), deals.end());
    }
  }
  std::stable_sort(nearest.begin(), nearest.end(),
                   [](const Neighbor& a, const Neighbor& b) { return a.similarity > b.similarity; });
  if (nearest.size() > limit) nearest.resize(limit);
  std::erase_if(nearest, [](const Neighbor& neighbor) { return neighbor.similarity < kMinSimilarity; });
  return nearest;
}

int32_t SearchIndex::FindAccount(std::string_view name) const {
  const auto named = folded_account_names_.find(FoldText(Trimmed(name)));
  return named == folded_account_names_.end() ? kNoIndex : named->second;
}

void SearchIndex::AddExactHits(const SearchRequest& request, const std::vector<std::string>& words,
                               const ResolvedFilters& filters, const AccountVerdicts& verdicts,
                               ResultList& results) const {
  std::vector<std::string> passed;
  if (WantsOpportunities(request.kinds)) {
    for (size_t i = 0; i < words.size() && i < kMaxQueryWords; ++i) {
      std::string id = words[i];
      for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const int32_t row = data_.FindOpportunity(id);
      passed.clear();
      if (row != kNoIndex && filters.OpportunityPasses(row, &passed)) {
        results.Add(MakeResult(data_, RecordKind::kOpportunity, row, 1.0,
                               {"exact opportunity id", FiltersPassed(passed)}));
      }
    }
  }
  if (WantsAccounts(request.kinds)) {
    const int32_t named = FindAccount(request.text);
    passed.clear();
    if (named != kNoIndex && RecordPasses(RecordKind::kAccount, named, filters, verdicts, &passed)) {
      results.Add(
          MakeResult(data_, RecordKind::kAccount, named, 1.0, {"exact account name", FiltersPassed(passed)}));
    }
  }
}

Result<std::vector<SearchResult>> SearchIndex::Search(const SearchRequest& request) const {
  Result<ResolvedFilters> filters = ResolvedFilters::Resolve(request.filters, data_);
  if (!filters.ok()) return filters.error();
  const std::vector<std::string> words = Words(request.text);
  if (words.empty()) {
    if (request.filters.empty()) return Error{"nothing to search for: give some words or a filter"};
    return Listing(request, *filters);
  }
  const AccountVerdicts verdicts = Verdicts(*filters);
  ResultList results(request.k);
  AddExactHits(request, words, *filters, verdicts, results);
  std::vector<float> query(embedder_->dimension());
  embedder_->Embed(request.text, query);
  Result<std::string> expression = SelectiveExpression(request.text);
  if (!expression.ok()) return expression.error();
  const size_t first = WantsAccounts(request.kinds) ? 0 : documents_.account_count;
  const size_t end = WantsOpportunities(request.kinds) ? documents_.size() : documents_.account_count;
  // Filters first find the documents that pass (cheap: one test per document), so that each ranking
  // can be fetched once, deep enough, and filtered.
  const bool filtered = !request.filters.empty();
  std::vector<bool> passes;
  std::vector<uint32_t> passing;
  if (filtered) {
    passes.assign(documents_.size(), false);
    for (size_t document = first; document < end; ++document) {
      if (DocumentPasses(static_cast<uint32_t>(document), *filters, verdicts)) {
        passes[document] = true;
        passing.push_back(static_cast<uint32_t>(document));
      }
    }
  }
  const size_t fetch = std::max(kMinFetch, kFetchFactor * request.k);
  Result<std::vector<uint32_t>> bm25 = Bm25(*expression, filtered ? kFilteredBm25Fetch : fetch, first, end);
  if (!bm25.ok()) return bm25.error();
  std::vector<Neighbor> nearest;
  if (!filtered) {
    nearest = Nearest(query, fetch, request.kinds, nullptr);
  } else if (passing.size() <= kExactLimit) {
    nearest = Nearest(query, fetch, request.kinds, &passing);
  } else {
    const size_t deep = fetch * (end - first) / passing.size();
    nearest = Nearest(query, std::min(deep, kFilteredVectorFetch), request.kinds, nullptr);
  }
  if (filtered) {
    std::erase_if(*bm25, [&](uint32_t document) { return !passes[document]; });
    std::erase_if(nearest, [&](const Neighbor& neighbor) { return !passes[neighbor.label]; });
  }
  std::vector<std::vector<uint32_t>> lists(2);
  lists[0] = std::move(*bm25);
  for (const Neighbor& neighbor : nearest) lists[1].push_back(neighbor.label);
  const RowWordHits row_hits(data_, words);
  std::vector<std::string> passed;
  std::vector<int32_t> rows;
  for (const FusedItem& item : ReciprocalRankFusion(lists)) {
    if (results.full()) break;
    const RecordKind kind = documents_.kinds[item.id];
    std::vector<std::string> reasons = {MatchedWords(words, documents_.texts[item.id])};
    const auto neighbor = std::find_if(nearest.begin(), nearest.end(),
                                       [&](const Neighbor& candidate) { return candidate.label == item.id; });
    if (neighbor != nearest.end()) reasons.push_back("similarity " + SimilarityText(neighbor->similarity));
    rows.assign(documents_.Rows(item.id).begin(), documents_.Rows(item.id).end());
    if (kind == RecordKind::kOpportunity) row_hits.Order(rows);
    for (const int32_t row : rows) {
      if (results.full()) break;
      passed.clear();
      if (!RecordPasses(kind, row, *filters, verdicts, &passed)) continue;
      reasons.push_back(FiltersPassed(passed));
      results.Add(MakeResult(data_, kind, row, item.score, reasons));
      reasons.pop_back();
    }
  }
  return std::move(results.results());
}

std::vector<SearchResult> SearchIndex::Listing(const SearchRequest& request,
                                               const ResolvedFilters& filters) const {
  const AccountVerdicts verdicts = Verdicts(filters);
  ResultList results(request.k);
  std::vector<std::string> passed;
  if (WantsAccounts(request.kinds)) {
    std::vector<int32_t> accounts;
    for (uint32_t document = 0; document < documents_.account_count; ++document) {
      if (DocumentPasses(document, filters, verdicts)) accounts.push_back(static_cast<int32_t>(document));
    }
    // Largest revenue first, missing revenue last.
    const auto revenue = [&](int32_t row) {
      return HasValue(data_.accounts[row].revenue) ? data_.accounts[row].revenue : -1.0;
    };
    std::stable_sort(accounts.begin(), accounts.end(),
                     [&](int32_t a, int32_t b) { return revenue(a) > revenue(b); });
    for (size_t i = 0; i < accounts.size() && !results.full(); ++i) {
      passed.clear();
      RecordPasses(RecordKind::kAccount, accounts[i], filters, verdicts, &passed);
      results.Add(MakeResult(data_, RecordKind::kAccount, accounts[i], 0.0, {FiltersPassed(passed)}));
    }
  }
  if (WantsOpportunities(request.kinds) && !results.full()) {
    std::vector<int32_t> deals;
    for (uint32_t document = documents_.account_count; document < documents_.size(); ++document) {
      if (!DocumentPasses(document, filters, verdicts)) continue;
      for (const int32_t row : documents_.Rows(document)) {
        if (!filters.HasDealFilters() || filters.OpportunityPasses(row, nullptr)) deals.push_back(row);
      }
    }
    // Funnel order of the stage, then the latest first, then file order.
    const OpportunityColumns& columns = data_.opportunities;
    const auto before = [&](int32_t a, int32_t b) {
      if (columns.deal_stage[a] != columns.deal_stage[b])
        return columns.deal_stage[a] < columns.deal_stage[b];
      if (LatestDay(columns, a) != LatestDay(columns, b))
        return LatestDay(columns, a) > LatestDay(columns, b);
      return a < b;
    };
    const size_t wanted = std::min(deals.size(), request.k);
    std::partial_sort(deals.begin(), deals.begin() + wanted, deals.end(), before);
    for (size_t i = 0; i < wanted && !results.full(); ++i) {
      passed.clear();
      filters.OpportunityPasses(deals[i], &passed);
      results.Add(MakeResult(data_, RecordKind::kOpportunity, deals[i], 0.0, {FiltersPassed(passed)}));
    }
  }
  return std::move(results.results());
}

Result<std::vector<SearchResult>> SearchIndex::SimilarAccounts(int32_t account_row, size_t k,
                                                               const SearchFilters& filters) const {
  if (account_row < 0 || static_cast<size_t>(account_row) >= data_.accounts.size()) {
    return Error{"no account at row " + std::to_string(account_row)};
  }
  Result<ResolvedFilters> resolved = ResolvedFilters::Resolve(filters, data_);
  if (!resolved.ok()) return resolved.error();
  const AccountVerdicts verdicts = Verdicts(*resolved);
  std::vector<std::string> passed;
  for (size_t fetch = k + 1;; fetch *= kFetchFactor) {
    ResultList results(k);
    const std::vector<Neighbor> nearest = profile_vectors_->Search(profiles_.Vector(account_row), fetch);
    for (const Neighbor& neighbor : nearest) {
      const auto other = static_cast<int32_t>(neighbor.label);
      passed.clear();
      if (other == account_row || !RecordPasses(RecordKind::kAccount, other, *resolved, verdicts, &passed)) {
        continue;
      }
      results.Add(MakeResult(data_, RecordKind::kAccount, other, neighbor.similarity,
                             {"profile similarity " + SimilarityText(neighbor.similarity),
                              profiles_.SharedTraits(account_row, other), FiltersPassed(passed)}));
    }
    if (results.full() || nearest.size() < fetch || fetch >= kMaxFetch) return std::move(results.results());
  }
}

}  // namespace crm::search
