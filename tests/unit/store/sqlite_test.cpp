#include "crm/store/sqlite.h"

#include <gtest/gtest.h>

#include "crm/store/timestamp.h"

namespace crm::store {
namespace {

class SqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(Execute(db_, "CREATE TABLE t (x INTEGER)").ok());
  }
  void TearDown() override { sqlite3_close(db_); }
  int64_t Rows() { return QueryInt64(db_, "SELECT COUNT(*) FROM t").value(); }

  sqlite3* db_ = nullptr;
};

TEST_F(SqliteTest, TransactionRollsBackUnlessCommitted) {
  {
    Result<Transaction> transaction = Transaction::Begin(db_, "BEGIN IMMEDIATE");
    ASSERT_TRUE(transaction.ok()) << transaction.error().message;
    ASSERT_TRUE(Execute(db_, "INSERT INTO t VALUES (1)").ok());
    EXPECT_EQ(Rows(), 1);
  }
  EXPECT_EQ(Rows(), 0);
  {
    Result<Transaction> transaction = Transaction::Begin(db_, "BEGIN");
    ASSERT_TRUE(transaction.ok()) << transaction.error().message;
    ASSERT_TRUE(Execute(db_, "INSERT INTO t VALUES (2)").ok());
    ASSERT_TRUE(transaction->Commit().ok());
  }
  EXPECT_EQ(Rows(), 1);
  EXPECT_EQ(sqlite3_get_autocommit(db_), 1);
}

TEST_F(SqliteTest, ErrorsCarrySqliteMessages) {
  const Status bad = Execute(db_, "INSERT INTO missing VALUES (1)");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "no such table: missing");
  Result<Statement> statement = Prepare(db_, "SELEC 1");
  ASSERT_FALSE(statement.ok());
  EXPECT_EQ(statement.error().message, "near \"SELEC\": syntax error");
}

TEST_F(SqliteTest, QueryInt64ReadsNullAsTheDefault) {
  EXPECT_EQ(QueryInt64(db_, "SELECT MAX(x) FROM t", -5).value(), -5);
  EXPECT_EQ(QueryInt64(db_, "SELECT 42").value(), 42);
}

TEST(TimestampTest, FormatsUtcIso8601) {
  EXPECT_EQ(FormatUtcTimestamp(std::chrono::system_clock::time_point{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatUtcTimestamp(std::chrono::system_clock::time_point{std::chrono::seconds{1714566896}}),
            "2024-05-01T12:34:56Z");
}

}  // namespace
}  // namespace crm::store
