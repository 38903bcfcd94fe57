#pragma once
// Reads and appends rows of the import_history table (internal to the store).

#include <sqlite3.h>

#include <cstdint>
#include <vector>

#include "crm/common/result.h"
#include "crm/store/import_record.h"

namespace crm::store {

//! Appends `record` (its id is ignored) and returns the id it was given.
Result<int64_t> InsertImportRecord(sqlite3* db, const ImportRecord& record);

//! Every recorded import, newest first.
Result<std::vector<ImportRecord>> ReadImportHistory(sqlite3* db);

}  // namespace crm::store
