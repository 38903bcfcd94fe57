#pragma once
// Dropping and rebuilding the indexes of the large tables around a bulk write (internal to the store):
// building an index once from sorted rows is several times faster than updating it row by row.

#include <sqlite3.h>

#include <string>
#include <vector>

#include "crm/common/result.h"

namespace crm::store {

//! The indexes of the opportunities and activities tables, dropped until Rebuild(). Every index a
//! migration declares on those tables is included, so later migrations get the same treatment.
class DroppedIndexes {
 public:
  //! Drops the indexes; call inside the write transaction, which restores them on ROLLBACK.
  static Result<DroppedIndexes> Drop(sqlite3* db);
  //! Creates the indexes again; a UNIQUE index fails here when the new rows hold duplicates.
  Status Rebuild(sqlite3* db) const;

 private:
  struct Definition {
    std::string name;
    std::string sql;  //!< the CREATE INDEX statement as the migration wrote it
  };
  std::vector<Definition> definitions_;
};

}  // namespace crm::store
