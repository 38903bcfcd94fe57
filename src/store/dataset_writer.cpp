#include "dataset_writer.h"

#include <string>

#include "crm/common/progress.h"
#include "crm/store/sqlite.h"
#include "dropped_schema.h"
#include "row_source.h"
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

// The rows of one table as the virtual table reads them.
template <typename Rows>
class TableSource : public RowSource {
 public:
  TableSource(Rows rows, Progress& progress) : rows_(std::move(rows)), progress_(progress) {}
  size_t size() const override { return rows_.size(); }
  Status Value(sqlite3_context* context, size_t row, int column) override {
    return rows_.Value(context, row, column);
  }
  void Reached(size_t) override { progress_.Advance(); }

 private:
  Rows rows_;
  Progress& progress_;
};

// "INSERT OR FAIL INTO table (columns) SELECT c0, … FROM crm_rows(?1) ORDER BY rowid". OR FAIL: a
// failure ends the statement where it is, and the caller rolls the whole transaction back, so SQLite
// keeps no statement journal (which would copy every reused page of a replaced table).
template <typename Rows>
std::string InsertSql() {
  std::string sql =
      std::string("INSERT OR FAIL INTO ") + Rows::kTable + " (" + Rows::kColumns + ") SELECT c0";
  for (int column = 1; column < Rows::kColumnCount; ++column) sql += ", c" + std::to_string(column);
  return sql + " FROM crm_rows(?1) ORDER BY rowid";
}

// Inserts every row in one statement; they get ids 1, 2, 3, … since the table is empty. The Error names
// the row that a value or a constraint fails on.
template <typename Rows>
Status InsertRows(sqlite3* db, Rows rows, Progress& progress) {
  static_assert(Rows::kColumnCount <= kRowSourceColumns);
  const size_t count = rows.size();
  TableSource<Rows> source(rows, progress);
  Result<Statement> insert = Prepare(db, InsertSql<Rows>());
  if (!insert.ok()) return insert.error();
  BindRowSource(insert->get(), 1, source);
  if (sqlite3_step(insert->get()) != SQLITE_DONE) {
    if (source.error) return Error{rows.Describe(source.row) + ": " + source.error->message};
    if (sqlite3_errcode(db) == SQLITE_CONSTRAINT)
      return Error{rows.Describe(source.row) + ": " + LastError(db)};
    return Error{LastError(db)};
  }
  // References are stored as row + 1: check that the ids came out that way.
  Result<int64_t> last = QueryInt64(db, std::string("SELECT MAX(id) FROM ") + Rows::kTable);
  if (!last.ok()) return last.error();
  if (*last != static_cast<int64_t>(count)) {
    return Error{std::string("table ") + Rows::kTable + " got ids up to " + std::to_string(*last) + " for " +
                 std::to_string(count) + " rows"};
  }
  return Status::Ok();
}

// While it lives, SQLite sorts index keys in runs of 2 MiB merged from temporary files, instead of in one
// list in memory: the runs stay in the CPU cache, which builds the index of a million opportunity ids
// about twice as fast (temp_store = MEMORY never splits a sort; the run size follows cache_size). The
// settings come back when it goes away. Inside a transaction temp_store can only change while the
// connection has no temporary database; if it has one, the sort just stays in memory.
class SortInSmallRuns {
 public:
  explicit SortInSmallRuns(sqlite3* db) : db_(db) {
    Result<int64_t> temp_store = QueryInt64(db_, "PRAGMA temp_store");
    Result<int64_t> cache_size = QueryInt64(db_, "PRAGMA cache_size");
    if (!temp_store.ok() || !cache_size.ok()) return;
    restore_ = "PRAGMA temp_store = " + std::to_string(*temp_store) +
               "; PRAGMA cache_size = " + std::to_string(*cache_size);
    (void)Execute(db_, "PRAGMA temp_store = FILE; PRAGMA cache_size = -2048");
  }
  ~SortInSmallRuns() {
    if (!restore_.empty()) (void)Execute(db_, restore_.c_str());
  }
  SortInSmallRuns(const SortInSmallRuns&) = delete;
  SortInSmallRuns& operator=(const SortInSmallRuns&) = delete;

 private:
  sqlite3* db_;
  std::string restore_;
};

// Creates dropped indexes again, their keys sorted in small runs.
Status RebuildIndexes(sqlite3* db, const DroppedSchema& indexes) {
  SortInSmallRuns sort(db);
  return indexes.Recreate(db);
}

}  // namespace

Status WriteDataset(sqlite3* db, const Dataset& data) {
  if (Status shapes = CheckColumnLengths(data); !shapes.ok()) return shapes;
  if (Status unique = CheckUniqueOpportunityIds(data); !unique.ok()) return unique;
  if (Status registered = RegisterRowSourceModule(db); !registered.ok()) return registered;
  // The triggers go first: they would otherwise run for every row deleted and inserted.
  Result<DroppedSchema> triggers = DroppedSchema::BulkWriteTriggers(db);
  if (!triggers.ok()) return triggers.error();
  Result<DroppedSchema> deal_indexes = DroppedSchema::Indexes(db, "opportunities");
  if (!deal_indexes.ok()) return deal_indexes.error();
  Result<DroppedSchema> activity_indexes = DroppedSchema::Indexes(db, "activities");
  if (!activity_indexes.ok()) return activity_indexes.error();
  // Children first, so that no foreign key ever points at a deleted row when the checks are on.
  if (Status cleared =
          Execute(db,
                  "DELETE FROM activities; DELETE FROM activity_subjects; DELETE FROM opportunities; "
                  "DELETE FROM accounts; DELETE FROM products; DELETE FROM sales_teams;");
      !cleared.ok()) {
    return cleared;
  }
  const uint64_t rows = data.accounts.size() + data.products.size() + data.sales_agents.size() +
                        data.opportunities.size() + data.activity_subjects.size() + data.activities.size();
  Progress progress{ProgressBar("Saving", rows)};
  Status written = InsertRows(db, AccountRows(data), progress);
  if (written.ok()) written = InsertRows(db, ProductRows(data), progress);
  if (written.ok()) written = InsertRows(db, SalesAgentRows(data), progress);
  if (written.ok()) written = InsertRows(db, OpportunityRows(data), progress);
  if (!written.ok()) return written;
  // Each table's indexes are built right after its rows, while they are still in the page cache.
  if (Status indexed = RebuildIndexes(db, *deal_indexes); !indexed.ok()) return indexed;
  if (Status inserted = InsertRows(db, ActivitySubjectRows(data), progress); !inserted.ok()) return inserted;
  if (Status inserted = InsertRows(db, ActivityRows(data), progress); !inserted.ok()) return inserted;
  if (Status indexed = RebuildIndexes(db, *activity_indexes); !indexed.ok()) return indexed;
  if (Status linked = CheckOtherForeignKeys(db); !linked.ok()) return linked;
  return triggers->Recreate(db);
}

}  // namespace crm::store
