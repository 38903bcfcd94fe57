#include "crm/store/model_registry.h"

#include <gtest/gtest.h>

#include <regex>

#include "crm/data/dataset_fingerprint.h"
#include "crm/store/migration.h"
#include "crm/store/schema.h"
#include "crm/store/sqlite.h"
#include "old_schema.h"
#include "sample_data.h"
#include "support/test_support.h"

namespace crm::store {
namespace {

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().message;
  return std::move(store).value();
}

ModelRecord Record(const std::string& name, const std::string& booster, const std::string& metadata = "{}") {
  return ModelRecord{name, 0, "", std::string(64, 'f'), metadata, booster};
}

std::vector<int64_t> SaveOrDie(Store& store, std::vector<ModelRecord> records) {
  Result<std::vector<int64_t>> versions = SaveModels(store, std::move(records));
  EXPECT_TRUE(versions.ok()) << versions.error().message;
  return versions.ok() ? *versions : std::vector<int64_t>();
}

std::optional<ModelRecord> LatestOrDie(const Store& store, std::string_view name) {
  Result<std::optional<ModelRecord>> latest = LatestModel(store, name);
  EXPECT_TRUE(latest.ok()) << latest.error().message;
  return latest.ok() ? *latest : std::nullopt;
}

int64_t Count(const Store& store, const char* sql) {
  Result<int64_t> count = QueryInt64(store.connection(), sql);
  EXPECT_TRUE(count.ok()) << count.error().message;
  return count.ok() ? *count : -1;
}

TEST(ModelRegistryTest, VersionsCountUpPerName) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  EXPECT_EQ(SaveOrDie(*store, {Record("win", "w1"), Record("lead", "l1")}), (std::vector<int64_t>{1, 1}));
  EXPECT_EQ(SaveOrDie(*store, {Record("win", "w2")}), (std::vector<int64_t>{2}));
  // Two records of one name in one save take consecutive versions, in order.
  EXPECT_EQ(SaveOrDie(*store, {Record("lead", "l2"), Record("risk", "r1"), Record("lead", "l3")}),
            (std::vector<int64_t>{2, 1, 3}));
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM models"), 6);
}

TEST(ModelRegistryTest, TheLatestVersionComesBackWhole) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  const std::string bytes("{L\0\xff bytes with a zero", 22);
  SaveOrDie(*store, {Record("win", "old")});
  SaveOrDie(*store, {Record("win", bytes, R"({"auc": 0.81})")});
  const std::optional<ModelRecord> latest = LatestOrDie(*store, "win");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->name, "win");
  EXPECT_EQ(latest->version, 2);
  EXPECT_EQ(latest->booster, bytes);
  EXPECT_EQ(latest->metadata_json, R"({"auc": 0.81})");
  EXPECT_EQ(latest->data_hash, std::string(64, 'f'));
  EXPECT_TRUE(std::regex_match(latest->created_at, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << latest->created_at;
  EXPECT_FALSE(LatestOrDie(*store, "lead").has_value());
}

TEST(ModelRegistryTest, AModelThatRefusedToTrainKeepsNoBooster) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  SaveOrDie(*store, {Record("lead", "", R"({"refused": "12 won and 9 lost deals; 40 of each needed"})")});
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM models WHERE booster IS NULL"), 1);
  const std::optional<ModelRecord> latest = LatestOrDie(*store, "lead");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->booster, "");
}

TEST(ModelRegistryTest, LatestModelsGivesEachNameOnceByName) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  SaveOrDie(*store, {Record("win", "w1"), Record("risk", "r1")});
  SaveOrDie(*store, {Record("win", "w2"), Record("lead", "l1")});
  SaveOrDie(*store, {Record("win", "w3")});
  Result<std::vector<ModelRecord>> latest = LatestModels(*store);
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  ASSERT_EQ(latest->size(), 3u);
  EXPECT_EQ((*latest)[0].name, "lead");
  EXPECT_EQ((*latest)[0].booster, "l1");
  EXPECT_EQ((*latest)[1].name, "risk");
  EXPECT_EQ((*latest)[1].booster, "r1");
  EXPECT_EQ((*latest)[2].name, "win");
  EXPECT_EQ((*latest)[2].version, 3);
  EXPECT_EQ((*latest)[2].booster, "w3");
}

TEST(ModelRegistryTest, AFailureMidSaveWritesNothing) {
  crm::test::TempDir dir;
  std::unique_ptr<Store> store = OpenOrDie(dir.File("crm.db"));
  SaveOrDie(*store, {Record("win", "w1")});
  // The first record is written before the second is found wanting: the rollback must undo it.
  Result<std::vector<int64_t>> versions = SaveModels(*store, {Record("win", "w2"), Record("", "x")});
  ASSERT_FALSE(versions.ok());
  EXPECT_EQ(versions.error().message,
            "cannot save models in the store at '" + dir.File("crm.db") + "': a model to save has no name");
  versions = SaveModels(*store, {Record("lead", "l1"), Record("win", "w2", "{not json")});
  ASSERT_FALSE(versions.ok());
  EXPECT_EQ(versions.error().message, "cannot save models in the store at '" + dir.File("crm.db") +
                                          "': the metadata of model 'win' is not JSON");
  EXPECT_EQ(Count(*store, "SELECT COUNT(*) FROM models"), 1);
  EXPECT_EQ(LatestOrDie(*store, "win")->booster, "w1");
  // The store is still usable, and the versions continue where the committed ones stopped.
  EXPECT_EQ(SaveOrDie(*store, {Record("win", "w2")}), (std::vector<int64_t>{2}));
}

TEST(ModelRegistryTest, AStoreAtVersionTwoGainsTheRegistryAndKeepsItsData) {
  crm::test::TempDir dir;
  const std::string path = dir.File("crm.db");
  const Dataset sample = test::SampleDataset();
  {
    // A store as schema version 2 left it: data and its image, no models or search tables.
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_TRUE(store->ReplaceAll(sample, test::SampleRecord("a")).ok());
    ASSERT_TRUE(test::RewindToVersion7(store->connection()).ok());
    ASSERT_TRUE(Execute(store->connection(),
                        "DROP TABLE models; DROP TABLE search_vocabulary; DROP TABLE search_text;"
                        " DROP TABLE search_index_parts; DROP TABLE chat_turns; DROP TABLE embedding_cache;"
                        " DROP TABLE sessions; DROP TABLE api_tokens; DROP TABLE audit_log; DROP TABLE users;"
                        " DELETE FROM schema_migrations WHERE version >= 3")
                    .ok());
  }
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    Result<int> version = AppliedSchemaVersion(raw);
    Result<int64_t> tables = QueryInt64(raw, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'models'");
    sqlite3_close(raw);
    ASSERT_TRUE(version.ok() && tables.ok());
    ASSERT_EQ(*version, 2);
    ASSERT_EQ(*tables, 0);
  }
  std::unique_ptr<Store> store = OpenOrDie(path);
  EXPECT_EQ(store->SchemaVersion(), static_cast<int>(StoreMigrations().size()));
  LoadInfo info;
  Result<Dataset> loaded = store->Load(&info);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_TRUE(info.from_image);  // the migration leaves the CRM tables and their image alone
  EXPECT_EQ(DatasetFingerprint(*loaded), DatasetFingerprint(sample));
  EXPECT_EQ(SaveOrDie(*store, {Record("win", "w1")}), (std::vector<int64_t>{1}));
}

}  // namespace
}  // namespace crm::store
