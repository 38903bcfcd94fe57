#include "dropped_schema.h"

#include "crm/store/sqlite.h"

namespace crm::store {

namespace {

// Automatic indexes (inline UNIQUE, PRIMARY KEY) have no SQL and cannot be dropped; they stay.
constexpr std::string_view kListIndexes =
    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 "
    "ORDER BY name";

constexpr std::string_view kListBulkWriteTriggers =
    "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
    "AND (name GLOB 'dataset_image_stale_*' OR name GLOB 'opportunities_unique_id_*') ORDER BY name";

}  // namespace

Result<DroppedSchema> DroppedSchema::Indexes(sqlite3* db, const std::string& table) {
  return Drop(db, kListIndexes, table, "INDEX");
}

Result<DroppedSchema> DroppedSchema::BulkWriteTriggers(sqlite3* db) {
  return Drop(db, kListBulkWriteTriggers, "", "TRIGGER");
}

Result<DroppedSchema> DroppedSchema::Drop(sqlite3* db, std::string_view list_query, const std::string& table,
                                          const char* kind) {
  Result<Statement> query = Prepare(db, list_query);
  if (!query.ok()) return query.error();
  if (!table.empty())
    sqlite3_bind_text(query->get(), 1, table.data(), static_cast<int>(table.size()), SQLITE_STATIC);
  DroppedSchema dropped;
  int step;
  while ((step = sqlite3_step(query->get())) == SQLITE_ROW) {
    dropped.definitions_.push_back({ColumnString(query->get(), 0), ColumnString(query->get(), 1)});
  }
  if (step != SQLITE_DONE) return Error{LastError(db)};
  for (const Definition& object : dropped.definitions_) {
    const std::string drop = std::string("DROP ") + kind + " \"" + object.name + "\"";
    if (Status done = Execute(db, drop.c_str()); !done.ok()) return done.error();
  }
  return dropped;
}

Status DroppedSchema::Recreate(sqlite3* db) const {
  for (const Definition& object : definitions_) {
    if (Status done = Execute(db, object.sql.c_str()); !done.ok()) return done;
  }
  return Status::Ok();
}

}  // namespace crm::store
