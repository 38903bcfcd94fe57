#pragma once
// The checks around a bulk write of the CRM tables (internal to the store).

#include <sqlite3.h>

#include <string>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! An Error when the columns of a table in `data` have different lengths.
Status CheckColumnLengths(const Dataset& data);

//! An Error naming the first reference to a missing row in the tables other than opportunities and
//! activities (whose references the bulk write checks as it binds them): tables that later migrations
//! add and that point at CRM rows must not be left pointing at replaced ones.
Status CheckOtherForeignKeys(sqlite3* db);

//! An Error naming the first opportunity id of `data` that repeats an earlier one (the store keeps them
//! unique: see migration 8).
Status CheckUniqueOpportunityIds(const Dataset& data);

}  // namespace crm::store
