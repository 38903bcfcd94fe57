#include "dataset_writer.h"

#include <string>

#include "crm/common/progress.h"
#include "crm/store/sqlite.h"
#include "dropped_schema.h"
#include "table_rows.h"
#include "write_checks.h"

namespace crm::store {

namespace {

// Counts the rows written, for the progress bar.
struct Progress {
  ProgressBar bar;
  uint64_t done = 0;
  void Advance() { bar.Update(++done); }
};

// "INSERT … VALUES (?, …), …" with `rows` tuples of `columns` parameters.
std::string InsertSql(const char* insert, int columns, int rows) {
  std::string tuple = "(?";
  for (int column = 1; column < columns; ++column) tuple += ", ?";
  tuple += ")";
  std::string sql = insert;
  for (int row = 0; row < rows; ++row) sql += (row == 0 ? "" : ", ") + tuple;
  return sql;
}

// Runs the bound statement and readies it for the next rows.
Status Step(sqlite3* db, sqlite3_stmt* statement) {
  if (sqlite3_step(statement) == SQLITE_DONE) {
    sqlite3_reset(statement);
    return Status::Ok();
  }
  Error error{LastError(db)};
  sqlite3_reset(statement);
  return error;
}

template <typename Rows>
Error RowError(const Rows& rows, size_t row, const Status& status) {
  return Error{rows.Describe(row) + ": " + status.error().message};
}

// Inserts rows first … end-1 one statement each; the Error names the row that fails.
template <typename Rows>
Status InsertOneByOne(sqlite3* db, Rows& rows, sqlite3_stmt* single, size_t first, size_t end) {
  for (size_t row = first; row < end; ++row) {
    if (Status bound = rows.Bind(single, 1, row, 0); !bound.ok()) return RowError(rows, row, bound);
    if (Status done = Step(db, single); !done.ok()) return RowError(rows, row, done);
  }
  return Status::Ok();
}

// Inserts every row: whole batches of kBatchRows through one multi-row INSERT, the rest one by one.
// A batch that fails was undone by SQLite, so its rows are retried one by one to name the culprit.
template <typename Rows>
Status InsertRows(sqlite3* db, Rows rows, Progress& progress) {
  Result<Statement> batch = Prepare(db, InsertSql(Rows::kInsert, Rows::kColumns, kBatchRows));
  if (!batch.ok()) return batch.error();
  Result<Statement> single = Prepare(db, InsertSql(Rows::kInsert, Rows::kColumns, 1));
  if (!single.ok()) return single.error();
  size_t first = 0;
  for (; first + kBatchRows <= rows.size(); first += kBatchRows) {
    for (int slot = 0; slot < kBatchRows; ++slot) {
      const size_t row = first + slot;
      if (Status bound = rows.Bind(batch->get(), 1 + slot * Rows::kColumns, row, slot); !bound.ok()) {
        return RowError(rows, row, bound);
      }
      progress.Advance();
    }
    if (Status done = Step(db, batch->get()); !done.ok()) {
      Status located = InsertOneByOne(db, rows, single->get(), first, first + kBatchRows);
      return located.ok() ? done : located;
    }
  }
  for (size_t row = first; row < rows.size(); ++row) progress.Advance();
  return InsertOneByOne(db, rows, single->get(), first, rows.size());
}

}  // namespace

Status WriteDataset(sqlite3* db, const Dataset& data) {
  if (Status shapes = CheckColumnLengths(data); !shapes.ok()) return shapes;
  // The image triggers go first: they would otherwise run for every row deleted and inserted.
  Result<DroppedSchema> triggers = DroppedSchema::ImageTriggers(db);
  if (!triggers.ok()) return triggers.error();
  Result<DroppedSchema> indexes = DroppedSchema::Indexes(db);
  if (!indexes.ok()) return indexes.error();
  // Children first, so that no foreign key ever points at a deleted row when the checks are on.
  if (Status cleared = Execute(db,
                               "DELETE FROM activities; DELETE FROM opportunities; DELETE FROM accounts; "
                               "DELETE FROM products; DELETE FROM sales_teams;");
      !cleared.ok()) {
    return cleared;
  }
  const uint64_t rows = data.accounts.size() + data.products.size() + data.sales_agents.size() +
                        data.opportunities.size() + data.activities.size();
  Progress progress{ProgressBar("Saving", rows)};
  Status written = InsertRows(db, AccountRows(data), progress);
  if (written.ok()) written = InsertRows(db, ProductRows(data), progress);
  if (written.ok()) written = InsertRows(db, SalesAgentRows(data), progress);
  if (written.ok()) written = InsertRows(db, OpportunityRows(data), progress);
  if (written.ok()) written = InsertRows(db, ActivityRows(data), progress);
  if (!written.ok()) return written;
  if (Status linked = CheckOtherForeignKeys(db); !linked.ok()) return linked;
  if (Status rebuilt = indexes->Recreate(db); !rebuilt.ok()) {
    const std::string duplicate = DuplicateOpportunityId(db);
    if (!duplicate.empty()) return Error{"opportunity '" + duplicate + "' occurs more than once"};
    return rebuilt;
  }
  return triggers->Recreate(db);
}

}  // namespace crm::store
