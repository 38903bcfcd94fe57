#pragma once
// A virtual table that hands the rows of one Dataset table to a single INSERT … SELECT (internal to the
// store): SQLite pulls each value from the Dataset, so a bulk write needs no parameter binding, no
// statement per batch of rows, and no seek per row to check an explicit id.

#include <sqlite3.h>

#include <cstddef>
#include <optional>
#include <string>

#include "crm/common/result.h"

namespace crm::store {

//! The most columns a RowSource has.
inline constexpr int kRowSourceColumns = 8;

//! What the virtual table reads: rows 0 … size() - 1, each of up to kRowSourceColumns values.
class RowSource {
 public:
  virtual ~RowSource() = default;
  //! Number of rows.
  virtual size_t size() const = 0;
  //! Sets value `column` of row `row` as the result of `context`; an Error for a value that cannot be stored.
  virtual Status Value(sqlite3_context* context, size_t row, int column) = 0;
  //! Called once for each row, as the virtual table reaches it.
  virtual void Reached(size_t row) {}

  //! The row being read: when SQLite refuses a row (a constraint), it is this one.
  size_t row = 0;
  //! The first Error of Value, which stopped the statement.
  std::optional<Error> error;
};

//! Registers the virtual table module "crm_rows" on `db`, used as
//!   INSERT OR FAIL INTO t (…) SELECT c0, c1, … FROM crm_rows(?1) ORDER BY rowid
//! with ?1 bound by BindRowSource. Registering it again replaces it.
Status RegisterRowSourceModule(sqlite3* db);

//! Binds `source` to parameter `index` of `statement` (it must outlive the statement's run).
void BindRowSource(sqlite3_stmt* statement, int index, RowSource& source);

}  // namespace crm::store
