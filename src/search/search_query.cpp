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

//! Candidates fetched from each ranking at first: this many times k (more while filters leave too few).
constexpr size_t kFetchFactor = 4;
constexpr size_t kMinFetch = 40;
//! Most candidates fetched from each ranking for one query.
constexpr size_t kMaxFetch = 4096;
//! Vector neighbours less similar than this are not candidates (they share nothing with the query).
constexpr float kMinSimilarity = 0.05f;

std::string Trimmed(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1));
}

bool WantsAccounts(KindSelection kinds) { return kinds != KindSelection::kOpportunities; }
bool WantsOpportunities(KindSelection kinds) { return kinds != KindSelection::kAccounts; }

}  // namespace

std::vector<bool> SearchIndex::AccountsWithPassingDeals(const ResolvedFilters& filters) const {
  std::vector<bool> passing;
  if (!filters.HasDealFilters()) return passing;
  passing.assign(data_.accounts.size(), false);
  const OpportunityColumns& deals = data_.opportunities;
  for (size_t document = documents_.account_count; document < documents_.size(); ++document) {
    const int32_t row = documents_.Rows(document).front();
    if (deals.account[row] != kNoIndex &&
        filters.DealPasses(deals.product[row], deals.sales_agent[row], deals.deal_stage[row], nullptr)) {
      passing[deals.account[row]] = true;
    }
  }
  return passing;
}

bool SearchIndex::DocumentPasses(uint32_t document, const ResolvedFilters& filters,
                                 const std::vector<bool>& deal_accounts,
                                 std::vector<std::string>* reasons) const {
  const int32_t row = documents_.Rows(document).front();
  if (documents_.kinds[document] == RecordKind::kOpportunity) return filters.OpportunityPasses(row, reasons);
  if (!deal_accounts.empty() && !deal_accounts[row]) return false;
  return filters.AccountPasses(row, reasons);
}

Result<std::vector<uint32_t>> SearchIndex::Bm25(const std::string& expression, size_t limit, size_t first,
                                                size_t end) const {
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

std::vector<Neighbor> SearchIndex::Nearest(std::span<const float> query, size_t limit,
                                           KindSelection kinds) const {
  std::vector<Neighbor> nearest;
  if (WantsAccounts(kinds)) nearest = account_vectors_->Search(query, limit);
  if (WantsOpportunities(kinds)) {
    const std::vector<Neighbor> deals = opportunity_vectors_->Search(query, limit);
    nearest.insert(nearest.end(), deals.begin(), deals.end());
  }
  std::stable_sort(nearest.begin(), nearest.end(),
                   [](const Neighbor& a, const Neighbor& b) { return a.similarity > b.similarity; });
  if (nearest.size() > limit) nearest.resize(limit);
  std::erase_if(nearest, [](const Neighbor& neighbor) { return neighbor.similarity < kMinSimilarity; });
  return nearest;
}

void SearchIndex::AddExactHits(const SearchRequest& request, const std::vector<std::string>& words,
                               const ResolvedFilters& filters, const std::vector<bool>& deal_accounts,
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
    const auto named = folded_account_names_.find(FoldText(Trimmed(request.text)));
    passed.clear();
    if (named != folded_account_names_.end() &&
        DocumentPasses(named->second, filters, deal_accounts, &passed)) {
      results.Add(MakeResult(data_, RecordKind::kAccount, named->second, 1.0,
                             {"exact account name", FiltersPassed(passed)}));
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
  const std::vector<bool> deal_accounts = AccountsWithPassingDeals(*filters);
  ResultList exact(request.k);
  AddExactHits(request, words, *filters, deal_accounts, exact);
  std::vector<float> query(embedder_->dimension());
  embedder_->Embed(request.text, query);
  const std::string expression = FtsMatchExpression(request.text);
  const size_t first = WantsAccounts(request.kinds) ? 0 : documents_.account_count;
  const size_t end = WantsOpportunities(request.kinds) ? documents_.size() : documents_.account_count;
  for (size_t fetch = std::max(kMinFetch, kFetchFactor * request.k);; fetch *= kFetchFactor) {
    Result<std::vector<uint32_t>> bm25 = Bm25(expression, fetch, first, end);
    if (!bm25.ok()) return bm25.error();
    const std::vector<Neighbor> nearest = Nearest(query, fetch, request.kinds);
    std::vector<std::vector<uint32_t>> lists(2);
    lists[0] = *bm25;
    for (const Neighbor& neighbor : nearest) lists[1].push_back(neighbor.label);
    ResultList results = exact;
    std::vector<std::string> passed;
    for (const FusedItem& item : ReciprocalRankFusion(lists)) {
      if (results.full()) break;
      passed.clear();
      if (!DocumentPasses(item.id, *filters, deal_accounts, &passed)) continue;
      std::vector<std::string> reasons = {MatchedWords(words, documents_.texts[item.id])};
      const auto neighbor = std::find_if(nearest.begin(), nearest.end(), [&](const Neighbor& candidate) {
        return candidate.label == item.id;
      });
      if (neighbor != nearest.end()) reasons.push_back("similarity " + SimilarityText(neighbor->similarity));
      reasons.push_back(FiltersPassed(passed));
      for (const int32_t row : documents_.Rows(item.id)) {
        if (results.full()) break;
        results.Add(MakeResult(data_, documents_.kinds[item.id], row, item.score, reasons));
      }
    }
    const bool exhausted = bm25->size() < fetch && nearest.size() < fetch;
    if (results.full() || exhausted || fetch >= kMaxFetch) return std::move(results.results());
  }
}

std::vector<SearchResult> SearchIndex::Listing(const SearchRequest& request,
                                               const ResolvedFilters& filters) const {
  const std::vector<bool> deal_accounts = AccountsWithPassingDeals(filters);
  ResultList results(request.k);
  std::vector<std::string> passed;
  if (WantsAccounts(request.kinds)) {
    std::vector<int32_t> accounts;
    for (uint32_t document = 0; document < documents_.account_count; ++document) {
      if (DocumentPasses(document, filters, deal_accounts, nullptr))
        accounts.push_back(static_cast<int32_t>(document));
    }
    // Largest revenue first, missing revenue last.
    const auto revenue = [&](int32_t row) {
      return HasValue(data_.accounts[row].revenue) ? data_.accounts[row].revenue : -1.0;
    };
    std::stable_sort(accounts.begin(), accounts.end(),
                     [&](int32_t a, int32_t b) { return revenue(a) > revenue(b); });
    for (size_t i = 0; i < accounts.size() && !results.full(); ++i) {
      passed.clear();
      DocumentPasses(static_cast<uint32_t>(accounts[i]), filters, deal_accounts, &passed);
      results.Add(MakeResult(data_, RecordKind::kAccount, accounts[i], 0.0, {FiltersPassed(passed)}));
    }
  }
  if (WantsOpportunities(request.kinds) && !results.full()) {
    std::vector<int32_t> deals;
    for (uint32_t document = documents_.account_count; document < documents_.size(); ++document) {
      if (!DocumentPasses(document, filters, deal_accounts, nullptr)) continue;
      const std::span<const int32_t> rows = documents_.Rows(document);
      deals.insert(deals.end(), rows.begin(), rows.end());
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
  const std::vector<bool> deal_accounts = AccountsWithPassingDeals(*resolved);
  std::vector<std::string> passed;
  for (size_t fetch = k + 1;; fetch *= kFetchFactor) {
    ResultList results(k);
    const std::vector<Neighbor> nearest = profile_vectors_->Search(profiles_.Vector(account_row), fetch);
    for (const Neighbor& neighbor : nearest) {
      const auto other = static_cast<int32_t>(neighbor.label);
      passed.clear();
      if (other == account_row || !DocumentPasses(neighbor.label, *resolved, deal_accounts, &passed))
        continue;
      results.Add(MakeResult(data_, RecordKind::kAccount, other, neighbor.similarity,
                             {"profile similarity " + SimilarityText(neighbor.similarity),
                              profiles_.SharedTraits(account_row, other), FiltersPassed(passed)}));
    }
    if (results.full() || nearest.size() < fetch || fetch >= kMaxFetch) return std::move(results.results());
  }
}

}  // namespace crm::search
