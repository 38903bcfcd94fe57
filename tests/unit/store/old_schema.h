#pragma once
// Turns a store back into the layout of an older schema version, for the tests of its migrations.

#include <sqlite3.h>

#include "crm/common/result.h"

namespace crm::store::test {

//! Undoes migration 8 on a store at version 8: the activities hold their subject as text again (as
//! version 7 had it), activity_subjects is gone, a UNIQUE index keeps opportunity ids unique instead of
//! triggers, and schema_migrations ends at version 7. Keeps the rows, the dataset image and the image
//! triggers of version 7.
Status RewindToVersion7(sqlite3* db);

}  // namespace crm::store::test
