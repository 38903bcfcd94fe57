#include "bulk_indexes.h"

#include "crm/store/sqlite.h"

namespace crm::store {

namespace {

// Automatic indexes (inline UNIQUE, PRIMARY KEY) have no SQL and cannot be dropped; they stay.
constexpr std::string_view kListIndexes =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
    "AND tbl_name IN ('opportunities', 'activities') ORDER BY name";

std::string ColumnString(sqlite3_stmt* statement, int column) {
  return reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
}

}  // namespace

Result<DroppedIndexes> DroppedIndexes::Drop(sqlite3* db) {
  Result<Statement> query = Prepare(db, kListIndexes);
  if (!query.ok()) return query.error();
  DroppedIndexes dropped;
  int step;
  while ((step = sqlite3_step(query->get())) == SQLITE_ROW) {
    dropped.definitions_.push_back({ColumnString(query->get(), 0), ColumnString(query->get(), 1)});
  }
  if (step != SQLITE_DONE) return Error{LastError(db)};
  for (const Definition& index : dropped.definitions_) {
    const std::string drop = "DROP INDEX \"" + index.name + "\"";
    if (Status done = Execute(db, drop.c_str()); !done.ok()) return done.error();
  }
  return dropped;
}

Status DroppedIndexes::Rebuild(sqlite3* db) const {
  for (const Definition& index : definitions_) {
    if (Status done = Execute(db, index.sql.c_str()); !done.ok()) return done;
  }
  return Status::Ok();
}

}  // namespace crm::store
