#pragma once
// Versioned schema changes: the database records in schema_migrations which versions it has.

#include <sqlite3.h>

#include <span>

#include "crm/common/result.h"

namespace crm::store {

//! One schema change: its version (1, 2, … without gaps) and the SQL script that makes it.
struct Migration {
  int version;
  const char* sql;  //!< one or more portable SQL statements
};

//! The highest version recorded in schema_migrations; 0 for a database that has none.
Result<int> AppliedSchemaVersion(sqlite3* db);

//! Applies the migrations newer than the database, each in its own transaction, and returns the
//! resulting version. A failing migration leaves the database at the previous version; a database
//! newer than the last migration is an Error.
Result<int> ApplyMigrations(sqlite3* db, std::span<const Migration> migrations);

}  // namespace crm::store
