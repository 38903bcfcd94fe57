// SearchIndex::LoadOrBuild against a store: saved, loaded while fresh, rebuilt when stale or damaged.
#include <gtest/gtest.h>

#include "crm/search/hashed_ngram_embedder.h"
#include "crm/search/search_index.h"
#include "crm/store/sqlite.h"
#include "search_sample.h"
#include "support/test_support.h"

namespace crm::search {
namespace {

std::unique_ptr<store::Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().message;
  return std::move(store).value();
}

std::unique_ptr<SearchIndex> LoadOrBuildOrDie(store::Store& store, const Dataset& data,
                                              std::unique_ptr<Embedder> embedder = nullptr) {
  Result<std::unique_ptr<SearchIndex>> index = SearchIndex::LoadOrBuild(store, data, std::move(embedder));
  EXPECT_TRUE(index.ok()) << index.error().message;
  return std::move(index).value();
}

//! Every result of a few queries, as text.
std::string Answers(const SearchIndex& index) {
  std::string answers;
  for (const char* text : {"kan-code", "konnex", "retail kenya", "gtk", "CHE00002"}) {
    Result<std::vector<SearchResult>> results = index.Search({.text = text});
    EXPECT_TRUE(results.ok());
    for (const SearchResult& result : *results)
      answers += result.id + " " + std::to_string(result.score) + " " + result.why + "\n";
  }
  Result<std::vector<SearchResult>> similar = index.SimilarAccounts(0, 3);
  EXPECT_TRUE(similar.ok());
  for (const SearchResult& result : *similar) answers += result.id + " " + result.why + "\n";
  return answers;
}

//! Flips one byte in the middle of a saved part.
void Damage(store::Store& store, const std::string& part) {
  sqlite3* db = store.connection();
  auto read = store::Prepare(db, "SELECT bytes FROM search_index_parts WHERE name = ?1");
  ASSERT_TRUE(read.ok());
  sqlite3_bind_text(read->get(), 1, part.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(read->get()), SQLITE_ROW);
  std::string bytes(static_cast<const char*>(sqlite3_column_blob(read->get(), 0)),
                    static_cast<size_t>(sqlite3_column_bytes(read->get(), 0)));
  bytes[bytes.size() / 2] ^= 0x5A;
  auto write = store::Prepare(db, "UPDATE search_index_parts SET bytes = ?1 WHERE name = ?2");
  ASSERT_TRUE(write.ok());
  sqlite3_bind_blob(write->get(), 1, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(write->get(), 2, part.c_str(), -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(write->get()), SQLITE_DONE);
}

TEST(SearchPersistenceTest, SavedThenLoadedWithTheSameAnswers) {
  crm::test::TempDir dir;
  const Dataset data = test::SearchSample();
  std::unique_ptr<store::Store> store = OpenOrDie(dir.File("crm.db"));
  EXPECT_GE(store->SchemaVersion(), 4);  // migration 4 holds the search tables
  const std::unique_ptr<SearchIndex> built = LoadOrBuildOrDie(*store, data);
  EXPECT_EQ(built->origin(), IndexOrigin::kBuilt);
  EXPECT_EQ(built->rebuild_reason(), "no search index is saved yet");
  const std::unique_ptr<SearchIndex> loaded = LoadOrBuildOrDie(*store, data);
  EXPECT_EQ(loaded->origin(), IndexOrigin::kLoaded);
  EXPECT_EQ(loaded->rebuild_reason(), "");
  EXPECT_EQ(Answers(*loaded), Answers(*built));
  Result<std::unique_ptr<SearchIndex>> in_memory = SearchIndex::Build(data);
  ASSERT_TRUE(in_memory.ok());
  EXPECT_EQ(Answers(**in_memory), Answers(*built));
  // A store opened afresh (another process) loads it too.
  std::unique_ptr<store::Store> reopened = OpenOrDie(dir.File("crm.db"));
  EXPECT_EQ(LoadOrBuildOrDie(*reopened, data)->origin(), IndexOrigin::kLoaded);
}

TEST(SearchPersistenceTest, ChangedDataIsRebuilt) {
  crm::test::TempDir dir;
  Dataset data = test::SearchSample();
  std::unique_ptr<store::Store> store = OpenOrDie(dir.File("crm.db"));
  LoadOrBuildOrDie(*store, data);
  data.accounts[2].name = "Zumma Global";
  data.BuildIndexes();
  const std::unique_ptr<SearchIndex> rebuilt = LoadOrBuildOrDie(*store, data);
  EXPECT_EQ(rebuilt->origin(), IndexOrigin::kBuilt);
  EXPECT_EQ(rebuilt->rebuild_reason(), "the data changed since the search index was built");
  Result<std::vector<SearchResult>> results = rebuilt->Search({.text = "zumma global"});
  ASSERT_TRUE(results.ok());
  ASSERT_FALSE(results->empty());
  EXPECT_EQ((*results)[0].id, "Zumma Global");
  EXPECT_EQ(LoadOrBuildOrDie(*store, data)->origin(), IndexOrigin::kLoaded);
}

TEST(SearchPersistenceTest, AnotherEmbedderIsRebuilt) {
  crm::test::TempDir dir;
  const Dataset data = test::SearchSample();
  std::unique_ptr<store::Store> store = OpenOrDie(dir.File("crm.db"));
  LoadOrBuildOrDie(*store, data);
  const std::unique_ptr<SearchIndex> narrower =
      LoadOrBuildOrDie(*store, data, std::make_unique<HashedNgramEmbedder>(64));
  EXPECT_EQ(narrower->origin(), IndexOrigin::kBuilt);
  EXPECT_EQ(narrower->rebuild_reason(), "the saved documents has dimension 256, not 64");
  EXPECT_EQ(narrower->embedder().dimension(), 64u);
}

TEST(SearchPersistenceTest, DamagedVectorsAreDetectedAndRebuilt) {
  crm::test::TempDir dir;
  const Dataset data = test::SearchSample();
  std::unique_ptr<store::Store> store = OpenOrDie(dir.File("crm.db"));
  const std::string expected = Answers(*LoadOrBuildOrDie(*store, data));
  for (const char* part : {"opportunity_vectors", "profile_vectors", "documents", "embedder"}) {
    Damage(*store, part);
    const std::unique_ptr<SearchIndex> rebuilt = LoadOrBuildOrDie(*store, data);
    EXPECT_EQ(rebuilt->origin(), IndexOrigin::kBuilt) << part;
    EXPECT_EQ(rebuilt->rebuild_reason(),
              std::string("the saved ") + part + " is damaged (checksum mismatch)");
    EXPECT_EQ(Answers(*rebuilt), expected) << part;
    EXPECT_EQ(LoadOrBuildOrDie(*store, data)->origin(), IndexOrigin::kLoaded) << part;
  }
}

}  // namespace
}  // namespace crm::search
