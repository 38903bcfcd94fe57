#include "write_checks.h"

#include <vector>

#include "crm/data/row_index.h"
#include "crm/store/sqlite.h"

namespace crm::store {

Status CheckColumnLengths(const Dataset& data) {
  const OpportunityColumns& o = data.opportunities;
  const size_t deals = o.size();
  if (o.id.size() != deals || o.sales_agent.size() != deals || o.product.size() != deals ||
      o.account.size() != deals || o.engage_date.size() != deals || o.close_date.size() != deals ||
      o.close_value.size() != deals) {
    return Error{"the opportunity columns have different lengths"};
  }
  const ActivityColumns& a = data.activities;
  const size_t activities = a.size();
  if (a.id.size() != activities || a.type.size() != activities || a.sales_agent.size() != activities ||
      a.account.size() != activities || a.opportunity.size() != activities ||
      a.subject.size() != activities) {
    return Error{"the activity columns have different lengths"};
  }
  return Status::Ok();
}

Status CheckOtherForeignKeys(sqlite3* db) {
  Result<Statement> tables =
      Prepare(db,
              "SELECT DISTINCT m.name FROM sqlite_master AS m, pragma_foreign_key_list(m.name) "
              "WHERE m.type = 'table' AND m.name NOT IN ('opportunities', 'activities') "
              "ORDER BY m.name");
  if (!tables.ok()) return tables.error();
  int step;
  while ((step = sqlite3_step(tables->get())) == SQLITE_ROW) {
    const std::string table = ColumnString(tables->get(), 0);
    Result<Statement> check = Prepare(db, "PRAGMA foreign_key_check(\"" + table + "\")");
    if (!check.ok()) return check.error();
    const int found = sqlite3_step(check->get());
    if (found == SQLITE_ROW) {
      // Columns: the referring table, its row id, the referenced table, the constraint's number.
      return Error{table + " row " + std::to_string(sqlite3_column_int64(check->get(), 1)) +
                   " refers to a missing row of " + ColumnString(check->get(), 2)};
    }
    if (found != SQLITE_DONE) return Error{LastError(db)};
  }
  if (step != SQLITE_DONE) return Error{LastError(db)};
  return Status::Ok();
}

Status CheckUniqueOpportunityIds(const Dataset& data) {
  const StringColumn& ids = data.opportunities.id;
  const auto id_of = [&ids](size_t row) { return ids[row]; };
  RowIndex index;
  index.Build(ids.size(), id_of);
  const std::vector<std::pair<int32_t, int32_t>> repeats = index.Duplicates(id_of);
  if (repeats.empty()) return Status::Ok();
  return Error{"opportunity '" + std::string(ids[repeats.front().first]) + "' occurs more than once"};
}

}  // namespace crm::store
