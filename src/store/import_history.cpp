#include "import_history.h"

#include <string>

#include "crm/store/sqlite.h"

namespace crm::store {

Result<int64_t> InsertImportRecord(sqlite3* db, const ImportRecord& record) {
  Result<Statement> insert =
      Prepare(db,
              "INSERT INTO import_history (started_at, finished_at, source, files, report) "
              "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  const std::string files = ImportedFilesToJson(record.files);
  BindText(statement, 1, record.started_at);
  BindText(statement, 2, record.finished_at);
  BindText(statement, 3, record.source);
  BindText(statement, 4, files);
  BindText(statement, 5, record.report_json);
  if (sqlite3_step(statement) != SQLITE_DONE) return Error{"import history: " + LastError(db)};
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db));
}

Result<std::vector<ImportRecord>> ReadImportHistory(sqlite3* db) {
  Result<Statement> query = Prepare(db,
                                    "SELECT id, started_at, finished_at, source, files, report "
                                    "FROM import_history ORDER BY id DESC");
  if (!query.ok()) return query.error();
  sqlite3_stmt* statement = query->get();
  std::vector<ImportRecord> records;
  int step;
  while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    ImportRecord& record = records.emplace_back();
    record.id = sqlite3_column_int64(statement, 0);
    record.started_at = ColumnString(statement, 1);
    record.finished_at = ColumnString(statement, 2);
    record.source = ColumnString(statement, 3);
    Result<std::vector<ImportedFile>> files = ImportedFilesFromJson(ColumnString(statement, 4));
    if (!files.ok()) return Error{"import " + std::to_string(record.id) + ": " + files.error().message};
    record.files = std::move(files).value();
    record.report_json = ColumnString(statement, 5);
  }
  if (step != SQLITE_DONE) return Error{LastError(db)};
  return records;
}

}  // namespace crm::store
