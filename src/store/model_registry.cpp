#include "crm/store/model_registry.h"

#include <nlohmann/json.hpp>

#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"

namespace crm::store {

namespace {

constexpr const char* kLastVersion = "SELECT MAX(version) FROM models WHERE name = ?1";
constexpr const char* kInsert =
    "INSERT INTO models (name, version, created_at, data_hash, metadata, booster) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr const char* kSelectColumns =
    "SELECT name, version, created_at, data_hash, metadata, booster FROM models";

// The bytes as a BLOB, or NULL when empty.
void BindBytes(sqlite3_stmt* statement, int index, const std::string& bytes) {
  if (bytes.empty()) {
    sqlite3_bind_null(statement, index);
  } else {
    sqlite3_bind_blob64(statement, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  }
}

// A TEXT or BLOB column's bytes; empty for NULL.
std::string ColumnBytes(sqlite3_stmt* statement, int column) {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
  const auto size = static_cast<size_t>(sqlite3_column_bytes(statement, column));
  return bytes == nullptr ? std::string() : std::string(bytes, size);
}

Status CheckRecord(const ModelRecord& record) {
  if (record.name.empty()) return Error{"a model to save has no name"};
  if (!nlohmann::json::accept(record.metadata_json)) {
    return Error{"the metadata of model '" + record.name + "' is not JSON"};
  }
  return Status::Ok();
}

// Writes one record as the next version of its name; returns that version.
Result<int64_t> InsertRecord(sqlite3* db, sqlite3_stmt* last_version, sqlite3_stmt* insert,
                             const ModelRecord& record, const std::string& now) {
  if (Status valid = CheckRecord(record); !valid.ok()) return valid.error();
  sqlite3_reset(last_version);
  BindText(last_version, 1, record.name);
  if (sqlite3_step(last_version) != SQLITE_ROW) return Error{LastError(db)};
  const int64_t version = sqlite3_column_int64(last_version, 0) + 1;  // NULL (no version yet) reads as 0
  sqlite3_reset(insert);
  BindText(insert, 1, record.name);
  sqlite3_bind_int64(insert, 2, version);
  BindText(insert, 3, now);
  BindText(insert, 4, record.data_hash);
  BindText(insert, 5, record.metadata_json);
  BindBytes(insert, 6, record.booster);
  if (sqlite3_step(insert) != SQLITE_DONE) return Error{LastError(db)};
  return version;
}

// Steps a prepared query of kSelectColumns to its end, reading every row as a record.
Result<std::vector<ModelRecord>> ReadRecords(sqlite3* db, sqlite3_stmt* query) {
  std::vector<ModelRecord> records;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(query)) == SQLITE_ROW) {
    records.push_back({ColumnBytes(query, 0), sqlite3_column_int64(query, 1), ColumnBytes(query, 2),
                       ColumnBytes(query, 3), ColumnBytes(query, 4), ColumnBytes(query, 5)});
  }
  if (step != SQLITE_DONE) return Error{LastError(db)};
  return records;
}

Error Failure(const char* action, const Store& store, const Error& error) {
  return Error{std::string(action) + " in the store at '" + store.path() + "': " + error.message};
}

}  // namespace

Result<std::vector<int64_t>> SaveModels(Store& store, std::vector<ModelRecord> records) {
  sqlite3* db = store.connection();
  Result<Transaction> transaction = Transaction::Begin(db, "BEGIN IMMEDIATE");
  if (!transaction.ok()) return Failure("cannot save models", store, transaction.error());
  Result<Statement> last_version = Prepare(db, kLastVersion);
  if (!last_version.ok()) return Failure("cannot save models", store, last_version.error());
  Result<Statement> insert = Prepare(db, kInsert);
  if (!insert.ok()) return Failure("cannot save models", store, insert.error());
  const std::string now = UtcTimestampNow();
  std::vector<int64_t> versions;
  for (const ModelRecord& record : records) {
    Result<int64_t> version = InsertRecord(db, last_version->get(), insert->get(), record, now);
    if (!version.ok()) return Failure("cannot save models", store, version.error());
    versions.push_back(*version);
  }
  if (Status committed = transaction->Commit(); !committed.ok()) {
    return Failure("cannot save models", store, committed.error());
  }
  return versions;
}

Result<std::optional<ModelRecord>> LatestModel(const Store& store, std::string_view name) {
  sqlite3* db = store.connection();
  Result<Statement> query =
      Prepare(db, std::string(kSelectColumns) + " WHERE name = ?1 ORDER BY version DESC LIMIT 1");
  if (!query.ok()) return Failure("cannot read a model", store, query.error());
  BindText(query->get(), 1, name);
  Result<std::vector<ModelRecord>> records = ReadRecords(db, query->get());
  if (!records.ok()) return Failure("cannot read a model", store, records.error());
  if (records->empty()) return std::optional<ModelRecord>();
  return std::optional<ModelRecord>(std::move(records->front()));
}

Result<std::vector<ModelRecord>> LatestModels(const Store& store) {
  sqlite3* db = store.connection();
  Result<Statement> query = Prepare(
      db, std::string(kSelectColumns) +
              " WHERE version = (SELECT MAX(version) FROM models AS newer WHERE newer.name = models.name)"
              " ORDER BY name");
  if (!query.ok()) return Failure("cannot read the models", store, query.error());
  Result<std::vector<ModelRecord>> records = ReadRecords(db, query->get());
  if (!records.ok()) return Failure("cannot read the models", store, records.error());
  return records;
}

}  // namespace crm::store
