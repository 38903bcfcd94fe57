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

//! How Store::Load built its Dataset.
struct LoadInfo {
  bool from_image = false;    //!< from the columnar image of the latest import (else from the rows)
  std::string image_problem;  //!< why a stored image was not used (empty when none was stored or it was)
};

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
  //! Replaces all CRM data with `data`, appends `record` to the history and stores the dataset image
  //! in ONE transaction; returns the import id. On any failure nothing changes (ROLLBACK). Shows a
  //! ProgressBar("Saving", rows) for large data.
  Result<int64_t> ReplaceAll(const Dataset& data, const ImportRecord& record);
  //! Loads the whole CRM into a Dataset (BuildIndexes called). An empty store gives an empty Dataset.
  //! Reads the columnar image of the latest import when there is a usable one, else the rows; both give
  //! the same Dataset. `info`, when given, says which way it went and why an image was not used.
  Result<Dataset> Load(LoadInfo* info = nullptr) const;
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
