#pragma once
// The SQLite store: the CRM tables, the import history and the schema migrations, in one file.

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/store/import_record.h"

namespace crm::store {

//! The SQLite store: the CRM tables, the import history, schema migrations. One connection; use a
//! Store from one thread at a time (open another Store to read in parallel: WAL lets readers run
//! while a writer writes).
class Store {
 public:
  //! Opens or creates the store at `path` (":memory:" allowed), applies pending migrations; Error names it.
  static Result<std::unique_ptr<Store>> Open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  //! The schema version after migrations.
  int SchemaVersion() const { return schema_version_; }
  //! Replaces all CRM data with `data` and appends `record` to the history in ONE transaction; returns
  //! the import id. On any failure nothing changes (ROLLBACK). Shows a ProgressBar("Saving", rows) for
  //! large data.
  Result<int64_t> ReplaceAll(const Dataset& data, const ImportRecord& record);
  //! Loads the whole CRM into a Dataset (BuildIndexes called). An empty store gives an empty Dataset.
  Result<Dataset> Load() const;
  //! The import history, newest first.
  Result<std::vector<ImportRecord>> ImportHistory() const;
  //! The raw connection, for later areas that add their own tables through migrations.
  sqlite3* connection() const { return db_; }
  //! The path the store was opened with.
  const std::string& path() const { return path_; }

 private:
  Store(sqlite3* db, std::string path, int schema_version);
  //! An Error "<action> the store at '<path>': <message>".
  Error Failure(const char* action, const std::string& message) const;

  sqlite3* db_;
  std::string path_;
  int schema_version_;
};

}  // namespace crm::store
