#include "crm/store/migration.h"

#include <gtest/gtest.h>

#include <array>
#include <memory>

#include "crm/store/schema.h"
#include "crm/store/sqlite.h"
#include "crm/store/store.h"
#include "support/test_support.h"

namespace crm::store {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

Connection OpenMemory() {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  return Connection(db);
}

int64_t Count(sqlite3* db, const char* sql) {
  Result<int64_t> count = QueryInt64(db, sql);
  EXPECT_TRUE(count.ok()) << count.error().message;
  return count.ok() ? *count : -1;
}

bool TableExists(sqlite3* db, const std::string& name) {
  const std::string sql = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'";
  return Count(db, sql.c_str()) == 1;
}

constexpr Migration kFirst{1, "CREATE TABLE first (x INTEGER);"};
constexpr Migration kSecond{2, "CREATE TABLE second (y TEXT); INSERT INTO first (x) VALUES (7);"};

TEST(MigrationTest, NewDatabaseHasVersionZero) {
  Connection db = OpenMemory();
  Result<int> version = AppliedSchemaVersion(db.get());
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, 0);
}

TEST(MigrationTest, AppliesOnlyTheMigrationsNotYetApplied) {
  Connection db = OpenMemory();
  const std::array<Migration, 1> one = {kFirst};
  Result<int> version = ApplyMigrations(db.get(), one);
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, 1);
  EXPECT_TRUE(TableExists(db.get(), "first"));
  EXPECT_FALSE(TableExists(db.get(), "second"));

  // A later release adds migration 2: only it runs (re-running 1 would fail, its table exists).
  const std::array<Migration, 2> two = {kFirst, kSecond};
  version = ApplyMigrations(db.get(), two);
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, 2);
  EXPECT_TRUE(TableExists(db.get(), "second"));
  EXPECT_EQ(Count(db.get(), "SELECT COUNT(*) FROM first"), 1);
  EXPECT_EQ(Count(db.get(), "SELECT COUNT(*) FROM schema_migrations"), 2);

  version = ApplyMigrations(db.get(), two);  // nothing left to do
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, 2);
  EXPECT_EQ(Count(db.get(), "SELECT COUNT(*) FROM first"), 1);
  EXPECT_EQ(Count(db.get(), "SELECT COUNT(*) FROM schema_migrations"), 2);
}

TEST(MigrationTest, FailingMigrationIsRolledBackWhole) {
  Connection db = OpenMemory();
  const std::array<Migration, 2> broken = {
      kFirst, Migration{2, "CREATE TABLE half (z INTEGER); CREATE TABLE first (x INTEGER);"}};
  Result<int> version = ApplyMigrations(db.get(), broken);
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.error().message, "migration 2 failed: table first already exists");
  EXPECT_FALSE(TableExists(db.get(), "half"));
  Result<int> applied = AppliedSchemaVersion(db.get());
  ASSERT_TRUE(applied.ok()) << applied.error().message;
  EXPECT_EQ(*applied, 1);
}

TEST(MigrationTest, RefusesDatabaseNewerThanTheProgram) {
  Connection db = OpenMemory();
  const std::array<Migration, 2> two = {kFirst, kSecond};
  ASSERT_TRUE(ApplyMigrations(db.get(), two).ok());
  const std::array<Migration, 1> one = {kFirst};
  Result<int> version = ApplyMigrations(db.get(), one);
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.error().message,
            "its schema version 2 is newer than this program's (1); use a newer crm-assistant");
}

TEST(MigrationTest, RefusesVersionsOutOfOrder) {
  Connection db = OpenMemory();
  const std::array<Migration, 2> skipped = {kFirst, Migration{3, "SELECT 1"}};
  Result<int> version = ApplyMigrations(db.get(), skipped);
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.error().message, "migration 2 has version 3; versions must be 1, 2, … in order");
  EXPECT_FALSE(TableExists(db.get(), "first"));
}

TEST(MigrationTest, StoreRefusesToOpenANewerStore) {
  crm::test::TempDir dir;
  const std::string path = dir.File("crm.db");
  {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE(
        Execute((*store)->connection(),
                "INSERT INTO schema_migrations (version, applied_at) VALUES (99, '2030-01-01T00:00:00Z')")
            .ok());
  }
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().message,
            "cannot open the store at '" + path + "': its schema version 99 is newer than this program's (" +
                std::to_string(StoreMigrations().size()) + "); use a newer crm-assistant");
}

}  // namespace
}  // namespace crm::store
