#pragma once
// Thin RAII helpers over the SQLite C API: owned statements, scripts and transactions.

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::store {

//! Finalizes a prepared statement when its owner goes away.
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

//! An owned prepared statement.
using Statement = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

//! SQLite's message for the last failure on `db`.
std::string LastError(sqlite3* db);

//! Prepares `sql` for repeated use; the Error carries SQLite's message.
Result<Statement> Prepare(sqlite3* db, std::string_view sql);

//! Runs a script of one or more statements whose results are not needed.
Status Execute(sqlite3* db, const char* sql);

//! Binds `text` (copied) to parameter `index` of `statement`.
void BindText(sqlite3_stmt* statement, int index, std::string_view text);

//! The text or blob in `column` of the current row; empty for NULL.
std::string ColumnString(sqlite3_stmt* statement, int column);

//! Runs a query that returns one integer (NULL reads as `if_null`).
Result<int64_t> QueryInt64(sqlite3* db, std::string_view sql, int64_t if_null = 0);

//! A transaction that is rolled back when it goes away without a successful Commit().
class Transaction {
 public:
  //! Starts a transaction with `begin_sql` ("BEGIN" to read, "BEGIN IMMEDIATE" to write).
  static Result<Transaction> Begin(sqlite3* db, const char* begin_sql);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction() { Rollback(); }

  //! Makes the changes durable; when it fails, everything is rolled back.
  Status Commit();

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}
  void Rollback();

  sqlite3* db_;  //!< null once committed or rolled back
};

}  // namespace crm::store
