#include "crm/store/sqlite.h"

namespace crm::store {

std::string LastError(sqlite3* db) { return sqlite3_errmsg(db); }

Result<Statement> Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &statement,
                         nullptr) != SQLITE_OK) {
    sqlite3_finalize(statement);
    return Error{LastError(db)};
  }
  return Statement(statement);
}

Status Execute(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    Error error{message != nullptr ? message : LastError(db)};
    sqlite3_free(message);
    return error;
  }
  return Status::Ok();
}

void BindText(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

std::string ColumnString(sqlite3_stmt* statement, int column) {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
  return bytes == nullptr ? std::string()
                          : std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(statement, column)));
}

Result<int64_t> QueryInt64(sqlite3* db, std::string_view sql, int64_t if_null) {
  Result<Statement> statement = Prepare(db, sql);
  if (!statement.ok()) return statement.error();
  sqlite3_stmt* query = statement->get();
  if (sqlite3_step(query) != SQLITE_ROW) return Error{LastError(db)};
  return sqlite3_column_type(query, 0) == SQLITE_NULL ? if_null : sqlite3_column_int64(query, 0);
}

Result<Transaction> Transaction::Begin(sqlite3* db, const char* begin_sql) {
  if (Status begun = Execute(db, begin_sql); !begun.ok()) return begun.error();
  return Transaction(db);
}

Status Transaction::Commit() {
  Status committed = Execute(db_, "COMMIT");
  if (committed.ok())
    db_ = nullptr;
  else
    Rollback();
  return committed;
}

void Transaction::Rollback() {
  // SQLite ends the transaction by itself after some errors (disk full, out of memory).
  if (db_ != nullptr && sqlite3_get_autocommit(db_) == 0)
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  db_ = nullptr;
}

}  // namespace crm::store
