#pragma once
// Reads the CRM tables into a Dataset (internal to the store).

#include <sqlite3.h>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! The CRM tables as a Dataset with its indexes built; call inside a read transaction so that all
//! tables come from one snapshot.
Result<Dataset> ReadDataset(sqlite3* db);

}  // namespace crm::store
