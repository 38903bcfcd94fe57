#include "crm/search/search_index.h"

#include <gtest/gtest.h>

#include <thread>

#include "search_sample.h"

namespace crm::search {
namespace {

std::unique_ptr<SearchIndex> BuildOrDie(const Dataset& data) {
  Result<std::unique_ptr<SearchIndex>> index = SearchIndex::Build(data);
  EXPECT_TRUE(index.ok()) << index.error().message;
  return std::move(index).value();
}

std::vector<SearchResult> SearchOrDie(const SearchIndex& index, const SearchRequest& request) {
  Result<std::vector<SearchResult>> results = index.Search(request);
  EXPECT_TRUE(results.ok()) << results.error().message;
  return results.ok() ? *results : std::vector<SearchResult>();
}

std::vector<std::string> Ids(const std::vector<SearchResult>& results) {
  std::vector<std::string> ids;
  for (const SearchResult& result : results) ids.push_back(result.id);
  return ids;
}

class SearchIndexTest : public ::testing::Test {
 protected:
  const Dataset data_ = test::SearchSample();
  const std::unique_ptr<SearchIndex> index_ = BuildOrDie(data_);
};

TEST_F(SearchIndexTest, AnAccountNameFindsTheAccountFirst) {
  const std::vector<SearchResult> results = SearchOrDie(*index_, {.text = "kan-code"});
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].kind, RecordKind::kAccount);
  EXPECT_EQ(results[0].id, "Kan-code");
  EXPECT_EQ(results[0].title, "Kan-code (software, United States)");
  EXPECT_EQ(results[0].score, 1.0);
  EXPECT_EQ(results[0].why, "exact account name");
  // The rest are ranked by fusion: Kan-code's deals, matched on both words.
  ASSERT_GT(results.size(), 1u);
  EXPECT_LT(results[1].score, 1.0);
  EXPECT_NE(results[1].why.find("words kan, code"), std::string::npos) << results[1].why;
  EXPECT_NE(results[1].why.find("similarity"), std::string::npos) << results[1].why;
}

TEST_F(SearchIndexTest, PartialWordsAndTyposFindTheAccount) {
  const std::vector<SearchResult> partial =
      SearchOrDie(*index_, {.text = "cheapm", .kinds = KindSelection::kAccounts});
  ASSERT_FALSE(partial.empty());
  EXPECT_EQ(partial[0].id, "Cheapmart");
  // No word matches "konnex": the vectors of character n-grams find Konex.
  const std::vector<SearchResult> typo =
      SearchOrDie(*index_, {.text = "konnex", .kinds = KindSelection::kAccounts});
  ASSERT_FALSE(typo.empty());
  EXPECT_EQ(typo[0].id, "Konex") << typo[0].why;
  EXPECT_EQ(typo[0].why.find("words"), std::string::npos);
  EXPECT_NE(typo[0].why.find("similarity"), std::string::npos);
}

TEST_F(SearchIndexTest, AnOpportunityIdIsAnExactHitAtTheTop) {
  const std::vector<SearchResult> results = SearchOrDie(*index_, {.text = "show me zum00002 please", .k = 3});
  ASSERT_FALSE(results.empty());
  EXPECT_EQ(results[0].kind, RecordKind::kOpportunity);
  EXPECT_EQ(results[0].id, "ZUM00002");
  EXPECT_EQ(results[0].title, "MG Special for Zumma (Lost, Moses Frase)");
  EXPECT_EQ(results[0].why, "exact opportunity id");
}

TEST_F(SearchIndexTest, DealsOfAnAccountAndProductShareADocumentAndAllResolve) {
  const SearchDocuments& documents = index_->documents();
  // 6 accounts, then one document per account and product: Kan-code's GTX Pro deals (the 50 shared-text
  // ones and KAN00001) are one of the 8.
  EXPECT_EQ(documents.account_count, 6u);
  EXPECT_EQ(documents.size(), 6u + 8u);
  size_t largest = 0;
  for (size_t document = documents.account_count; document < documents.size(); ++document) {
    largest = std::max(largest, documents.Rows(document).size());
  }
  EXPECT_EQ(largest, static_cast<size_t>(test::kSharedTextDeals) + 1);
  for (int i = 0; i < test::kSharedTextDeals; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "DUP%05d", i);
    const std::vector<SearchResult> results = SearchOrDie(*index_, {.text = id, .k = 1});
    ASSERT_EQ(results.size(), 1u) << id;
    EXPECT_EQ(results[0].id, id);
  }
  // A search on their common text lists them, latest first.
  const std::vector<SearchResult> results = SearchOrDie(
      *index_, {.text = "gtx pro won kan-code darcel", .k = 60, .kinds = KindSelection::kOpportunities});
  std::vector<std::string> shared;
  for (const SearchResult& result : results) {
    if (result.id.starts_with("DUP")) shared.push_back(result.id);
  }
  ASSERT_EQ(shared.size(), static_cast<size_t>(test::kSharedTextDeals));
  EXPECT_EQ(shared[0], "DUP00027");  // closed 2017-09-28
  // Within the document, the deals whose own stage or agent the words name come first.
  const std::vector<SearchResult> lost =
      SearchOrDie(*index_, {.text = "kan-code gtx pro lost", .k = 1, .kinds = KindSelection::kOpportunities});
  ASSERT_EQ(lost.size(), 1u);
  EXPECT_EQ(lost[0].id, "KAN00001");
}

TEST_F(SearchIndexTest, FiltersApplyToTextResults) {
  const std::vector<SearchResult> results =
      SearchOrDie(*index_, {.text = "gtx pro", .k = 100, .filters = {.country = "japan"}});
  ASSERT_FALSE(results.empty());
  for (const SearchResult& result : results) {
    EXPECT_TRUE(result.id == "Konex" || result.id.starts_with("KON")) << result.id;
    EXPECT_NE(result.why.find("filters: Japan"), std::string::npos) << result.why;
  }
  // Accounts pass deal filters through their deals.
  const std::vector<SearchResult> buyers = SearchOrDie(
      *index_, {.text = "company", .kinds = KindSelection::kAccounts, .filters = {.product = "MG Special"}});
  EXPECT_EQ(Ids(buyers), (std::vector<std::string>{"Zumma", "Cheapmart"}));
}

TEST_F(SearchIndexTest, FiltersWithoutWordsListInTheDocumentedOrder) {
  const std::vector<SearchResult> accounts =
      SearchOrDie(*index_, {.text = " ",
                            .kinds = KindSelection::kAccounts,
                            .filters = {.numeric = {{AccountField::kEmployees, '>', 100}}}});
  EXPECT_EQ(Ids(accounts),
            (std::vector<std::string>{"Kan-code", "Konex", "Blue Medic", "Cheapmart", "Zumma"}));
  EXPECT_EQ(accounts[0].score, 0.0);
  EXPECT_EQ(accounts[0].why, "filters: 34,288 employees > 100");
  const std::vector<SearchResult> deals = SearchOrDie(
      *index_, {.text = "", .k = 4, .kinds = KindSelection::kOpportunities, .filters = {.sector = "retail"}});
  // Funnel order (Engaging before Won and Lost), then the latest first.
  EXPECT_EQ(Ids(deals), (std::vector<std::string>{"CHE00002", "CHE00003", "ZUM00001", "CHE00001"}));
}

TEST_F(SearchIndexTest, NothingToSearchForIsAnError) {
  EXPECT_FALSE(index_->Search({.text = "  -- "}).ok());
  EXPECT_FALSE(index_->Search({.text = "software", .filters = {.sector = "banking"}}).ok());
}

TEST_F(SearchIndexTest, HostileTextIsJustWords) {
  for (const char* text : {"\"kan", "NEAR(kan code", "title:kan", "kan AND code", "-kan *", "body:\"x"}) {
    Result<std::vector<SearchResult>> results = index_->Search({.text = text});
    ASSERT_TRUE(results.ok()) << text << ": " << results.error().message;
    EXPECT_FALSE(results->empty()) << text;
  }
}

TEST_F(SearchIndexTest, KindsSelectResults) {
  for (const SearchResult& result :
       SearchOrDie(*index_, {.text = "software", .k = 50, .kinds = KindSelection::kAccounts})) {
    EXPECT_EQ(result.kind, RecordKind::kAccount);
  }
  for (const SearchResult& result :
       SearchOrDie(*index_, {.text = "kan-code", .k = 50, .kinds = KindSelection::kOpportunities})) {
    EXPECT_EQ(result.kind, RecordKind::kOpportunity);
  }
}

TEST_F(SearchIndexTest, ManyThreadsSearchAtOnce) {
  const std::vector<std::string> queries = {"kan-code", "retail kenya", "konnex",
                                            "gtk 500",  "ZUM00001",     "medical"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& query : queries) expected.push_back(Ids(SearchOrDie(*index_, {.text = query})));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        const size_t q = (t + round) % queries.size();
        Result<std::vector<SearchResult>> results = index_->Search({.text = queries[q]});
        if (!results.ok() || Ids(*results) != expected[q]) ++mismatches;
        if (index_->SimilarAccounts(0, 2).ok() == false) ++mismatches;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches.load(), 0);
}

TEST_F(SearchIndexTest, FindsAccountsByNameWithoutCaseOrAccents) {
  EXPECT_EQ(index_->FindAccount(" KAN-CODE "), data_.FindAccount("Kan-code"));
  EXPECT_EQ(index_->FindAccount("Blüe Medic"), data_.FindAccount("Blue Medic"));
  EXPECT_EQ(index_->FindAccount("Kan"), kNoIndex);
}

TEST_F(SearchIndexTest, LookAlikesShareSectorSizeAndProducts) {
  Result<std::vector<SearchResult>> kan = index_->SimilarAccounts(data_.FindAccount("Kan-code"), 2);
  ASSERT_TRUE(kan.ok()) << kan.error().message;
  ASSERT_EQ(kan->size(), 2u);
  EXPECT_EQ((*kan)[0].id, "Konex");
  EXPECT_NE((*kan)[0].why.find("same sector (software)"), std::string::npos) << (*kan)[0].why;
  EXPECT_NE((*kan)[0].why.find("similar size"), std::string::npos) << (*kan)[0].why;
  EXPECT_NE((*kan)[0].why.find("buys the same products (GTX Pro, GTK 500)"), std::string::npos)
      << (*kan)[0].why;
  Result<std::vector<SearchResult>> zumma = index_->SimilarAccounts(data_.FindAccount("Zumma"), 1);
  ASSERT_TRUE(zumma.ok());
  ASSERT_EQ(zumma->size(), 1u);
  EXPECT_EQ((*zumma)[0].id, "Cheapmart");
  // Filters apply, the account itself never comes back, and a bad row is an Error.
  Result<std::vector<SearchResult>> filtered =
      index_->SimilarAccounts(data_.FindAccount("Kan-code"), 5, {.sector = "retail"});
  ASSERT_TRUE(filtered.ok());
  std::vector<std::string> retailers = Ids(*filtered);
  std::sort(retailers.begin(), retailers.end());
  EXPECT_EQ(retailers, (std::vector<std::string>{"Cheapmart", "Zumma"}));
  EXPECT_FALSE(index_->SimilarAccounts(99, 3).ok());
}

}  // namespace
}  // namespace crm::search
