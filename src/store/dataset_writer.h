#pragma once
// Writes a Dataset into the CRM tables (internal to the store).

#include <sqlite3.h>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! Replaces the rows of the CRM tables with `data`; call inside a write transaction, which the caller
//! rolls back on an Error. It checks every reference itself, so the caller should turn SQLite's per-row
//! foreign key checks off (they cost a third of a large write).
Status WriteDataset(sqlite3* db, const Dataset& data);

}  // namespace crm::store
