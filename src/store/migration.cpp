#include "crm/store/migration.h"

#include <string>

#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"

namespace crm::store {

namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " applied_at TEXT NOT NULL)";

Status CheckOrder(std::span<const Migration> migrations) {
  for (size_t i = 0; i < migrations.size(); ++i) {
    if (migrations[i].version != static_cast<int>(i) + 1) {
      return Error{"migration " + std::to_string(i + 1) + " has version " +
                   std::to_string(migrations[i].version) + "; versions must be 1, 2, … in order"};
    }
  }
  return Status::Ok();
}

// Applies `migration` unless another connection applied it first.
Status ApplyOne(sqlite3* db, const Migration& migration) {
  Result<Transaction> transaction = Transaction::Begin(db, "BEGIN IMMEDIATE");
  if (!transaction.ok()) return transaction.error();
  Result<int> applied = AppliedSchemaVersion(db);
  if (!applied.ok()) return applied.error();
  if (*applied >= migration.version) return transaction->Commit();

  const std::string failed = "migration " + std::to_string(migration.version) + " failed: ";
  if (Status done = Execute(db, migration.sql); !done.ok()) return Error{failed + done.error().message};
  Result<Statement> record =
      Prepare(db, "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)");
  if (!record.ok()) return Error{failed + record.error().message};
  const std::string now = UtcTimestampNow();
  sqlite3_bind_int(record->get(), 1, migration.version);
  sqlite3_bind_text(record->get(), 2, now.data(), static_cast<int>(now.size()), SQLITE_STATIC);
  if (sqlite3_step(record->get()) != SQLITE_DONE) return Error{failed + LastError(db)};
  return transaction->Commit();
}

}  // namespace

Result<int> AppliedSchemaVersion(sqlite3* db) {
  Result<int64_t> exists = QueryInt64(
      db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!exists.ok()) return exists.error();
  if (*exists == 0) return 0;
  Result<int64_t> version = QueryInt64(db, "SELECT MAX(version) FROM schema_migrations");
  if (!version.ok()) return version.error();
  return static_cast<int>(*version);
}

Result<int> ApplyMigrations(sqlite3* db, std::span<const Migration> migrations) {
  if (Status ordered = CheckOrder(migrations); !ordered.ok()) return ordered.error();
  if (Status created = Execute(db, kCreateMigrationsTable); !created.ok()) return created.error();
  Result<int> applied = AppliedSchemaVersion(db);
  if (!applied.ok()) return applied.error();
  const int known = static_cast<int>(migrations.size());
  if (*applied > known) {
    return Error{"its schema version " + std::to_string(*applied) + " is newer than this program's (" +
                 std::to_string(known) + "); use a newer crm-assistant"};
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *applied) continue;
    if (Status done = ApplyOne(db, migration); !done.ok()) return done.error();
  }
  return known;
}

}  // namespace crm::store
