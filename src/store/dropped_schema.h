#pragma once
// Schema objects dropped for a bulk write and created again after it (internal to the store): building an
// index once from sorted rows is several times faster than updating it row by row, and a per-row trigger
// would run once for each of millions of rows.

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"

namespace crm::store {

//! Schema objects dropped until Recreate(). Call inside the write transaction, which restores them on
//! ROLLBACK.
class DroppedSchema {
 public:
  //! Drops the indexes of `table`: every index a migration declares on it, so that later migrations get
  //! the same treatment (automatic ones, of an inline UNIQUE or PRIMARY KEY, cannot be dropped and stay).
  static Result<DroppedSchema> Indexes(sqlite3* db, const std::string& table);
  //! Drops the triggers that a bulk write makes up for itself: those that delete the dataset image when a
  //! CRM row changes (migrations 2 and 8) and those that keep opportunity ids unique (migration 8).
  static Result<DroppedSchema> BulkWriteTriggers(sqlite3* db);
  //! Creates the objects again; a UNIQUE index fails here when the new rows hold duplicates.
  Status Recreate(sqlite3* db) const;

 private:
  //! Drops what `list_query` lists: rows of (name, CREATE statement), given `table` as ?1 when not empty;
  //! `kind` is "INDEX" or "TRIGGER".
  static Result<DroppedSchema> Drop(sqlite3* db, std::string_view list_query, const std::string& table,
                                    const char* kind);

  struct Definition {
    std::string name;
    std::string sql;  //!< the CREATE statement as the migration wrote it
  };
  std::vector<Definition> definitions_;
};

}  // namespace crm::store
