#pragma once
// Writes a Dataset into the CRM tables (internal to the store).

#include <sqlite3.h>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! Replaces the rows of the CRM tables with `data`; call inside a write transaction, which the caller
//! rolls back on an Error. It checks every reference itself, so the caller should turn SQLite's per-row
//! foreign key checks off (they cost a third of a large write). The dataset image is left as it was (its
//! triggers are off during the write): the caller replaces it with WriteDatasetImage.
Status WriteDataset(sqlite3* db, const Dataset& data);

}  // namespace crm::store
