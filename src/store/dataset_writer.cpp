#include "dataset_writer.h"

#include <string>
#include <string_view>

#include "crm/common/progress.h"
#include "crm/store/sqlite.h"
#include "bulk_indexes.h"

namespace crm::store {

namespace {

// The text of one date, kept alive for SQLITE_STATIC until the row is stepped.
class DayText {
 public:
  //! False when `day` is outside years 1..9999, which 'YYYY-MM-DD' cannot hold.
  bool Format(int32_t day) {
    const CivilDate date = CivilFromDays(day);
    if (date.year < 1 || date.year > 9999) return false;
    WriteDigits(0, 4, date.year);
    text_[4] = '-';
    WriteDigits(5, 2, date.month);
    text_[7] = '-';
    WriteDigits(8, 2, date.day);
    return true;
  }
  const char* data() const { return text_; }

 private:
  void WriteDigits(int at, int count, int value) {
    for (int i = at + count - 1; i >= at; --i, value /= 10) text_[i] = static_cast<char>('0' + value % 10);
  }
  char text_[10];
};

// Binds state owned by the Dataset (or a DayText), which outlives the step: SQLITE_STATIC, no copy.
void BindText(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                    SQLITE_STATIC);
}

void BindTextOrNull(sqlite3_stmt* statement, int index, std::string_view text) {
  if (text.empty()) sqlite3_bind_null(statement, index);
  else BindText(statement, index, text);
}

// A reference to row `row` is stored as that row's id.
void BindRowId(sqlite3_stmt* statement, int index, int32_t row) {
  if (row == kNoIndex) sqlite3_bind_null(statement, index);
  else sqlite3_bind_int64(statement, index, int64_t{row} + 1);
}

void BindNumber(sqlite3_stmt* statement, int index, double value) {
  if (HasValue(value)) sqlite3_bind_double(statement, index, value);
  else sqlite3_bind_null(statement, index);
}

void BindInteger(sqlite3_stmt* statement, int index, int64_t value, int64_t missing) {
  if (value == missing) sqlite3_bind_null(statement, index);
  else sqlite3_bind_int64(statement, index, value);
}

// False when `code` is neither kNoIndex nor a code of `dictionary`.
bool BindCode(sqlite3_stmt* statement, int index, const StringDictionary& dictionary, int32_t code) {
  if (code == kNoIndex) {
    sqlite3_bind_null(statement, index);
    return true;
  }
  if (code < 0 || static_cast<size_t>(code) >= dictionary.size()) return false;
  BindText(statement, index, dictionary.Value(code));
  return true;
}

// False when `day` cannot be written as a date.
bool BindDay(sqlite3_stmt* statement, int index, int32_t day, DayText& text) {
  if (day == kNoDay) {
    sqlite3_bind_null(statement, index);
    return true;
  }
  if (!text.Format(day)) return false;
  sqlite3_bind_text(statement, index, text.data(), 10, SQLITE_STATIC);
  return true;
}

// Inserts the bound row and readies the statement for the next one.
Status Step(sqlite3* db, sqlite3_stmt* statement) {
  if (sqlite3_step(statement) == SQLITE_DONE) {
    sqlite3_reset(statement);
    return Status::Ok();
  }
  Error error{LastError(db)};
  sqlite3_reset(statement);
  return error;
}

// Counts the rows written, for the progress bar.
struct Progress {
  ProgressBar bar;
  uint64_t done = 0;
  void Advance() { bar.Update(++done); }
};

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
      a.account.size() != activities || a.opportunity.size() != activities || a.subject.size() != activities) {
    return Error{"the activity columns have different lengths"};
  }
  return Status::Ok();
}

Error RowError(std::string_view what, std::string_view key, const std::string& message) {
  return Error{std::string(what) + " '" + std::string(key) + "': " + message};
}

Status WriteAccounts(sqlite3* db, const Dataset& data, Progress& progress) {
  Result<Statement> insert = Prepare(db,
                                     "INSERT INTO accounts (id, name, sector, year_established, revenue, "
                                     "employees, office_location, subsidiary_of) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    const Account& account = data.accounts[row];
    sqlite3_bind_int64(statement, 1, static_cast<int64_t>(row) + 1);
    BindText(statement, 2, account.name);
    if (!BindCode(statement, 3, data.sectors, account.sector)) {
      return RowError("account", account.name, "sector code " + std::to_string(account.sector) + " is unknown");
    }
    BindInteger(statement, 4, account.year_established, kNoIndex);
    BindNumber(statement, 5, account.revenue);
    BindInteger(statement, 6, account.employees, kNoInteger);
    if (!BindCode(statement, 7, data.countries, account.office_location)) {
      return RowError("account", account.name,
                      "office location code " + std::to_string(account.office_location) + " is unknown");
    }
    BindTextOrNull(statement, 8, account.subsidiary_of);
    if (Status done = Step(db, statement); !done.ok()) return RowError("account", account.name, done.error().message);
    progress.Advance();
  }
  return Status::Ok();
}

Status WriteProducts(sqlite3* db, const Dataset& data, Progress& progress) {
  Result<Statement> insert =
      Prepare(db, "INSERT INTO products (id, name, series, sales_price) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  for (size_t row = 0; row < data.products.size(); ++row) {
    const Product& product = data.products[row];
    sqlite3_bind_int64(statement, 1, static_cast<int64_t>(row) + 1);
    BindText(statement, 2, product.name);
    if (!BindCode(statement, 3, data.series, product.series)) {
      return RowError("product", product.name, "series code " + std::to_string(product.series) + " is unknown");
    }
    BindNumber(statement, 4, product.sales_price);
    if (Status done = Step(db, statement); !done.ok()) return RowError("product", product.name, done.error().message);
    progress.Advance();
  }
  return Status::Ok();
}

Status WriteSalesAgents(sqlite3* db, const Dataset& data, Progress& progress) {
  Result<Statement> insert = Prepare(
      db, "INSERT INTO sales_teams (id, sales_agent, manager, regional_office) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  for (size_t row = 0; row < data.sales_agents.size(); ++row) {
    const SalesAgent& agent = data.sales_agents[row];
    sqlite3_bind_int64(statement, 1, static_cast<int64_t>(row) + 1);
    BindText(statement, 2, agent.name);
    if (!BindCode(statement, 3, data.managers, agent.manager)) {
      return RowError("sales agent", agent.name, "manager code " + std::to_string(agent.manager) + " is unknown");
    }
    if (!BindCode(statement, 4, data.regional_offices, agent.regional_office)) {
      return RowError("sales agent", agent.name,
                      "regional office code " + std::to_string(agent.regional_office) + " is unknown");
    }
    if (Status done = Step(db, statement); !done.ok()) {
      return RowError("sales agent", agent.name, done.error().message);
    }
    progress.Advance();
  }
  return Status::Ok();
}

Status WriteOpportunities(sqlite3* db, const Dataset& data, Progress& progress) {
  Result<Statement> insert = Prepare(db,
                                     "INSERT INTO opportunities (id, opportunity_id, sales_agent_id, product_id, "
                                     "account_id, deal_stage, engage_date, close_date, close_value) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  const OpportunityColumns& deals = data.opportunities;
  DayText engage_text, close_text;
  for (size_t row = 0; row < deals.size(); ++row) {
    const std::string_view id = deals.id[row];
    sqlite3_bind_int64(statement, 1, static_cast<int64_t>(row) + 1);
    BindText(statement, 2, id);
    BindRowId(statement, 3, deals.sales_agent[row]);
    BindRowId(statement, 4, deals.product[row]);
    BindRowId(statement, 5, deals.account[row]);
    const int stage = static_cast<int>(deals.deal_stage[row]);
    if (stage >= kDealStageCount) return RowError("opportunity", id, "unknown deal stage " + std::to_string(stage));
    BindText(statement, 6, DealStageName(deals.deal_stage[row]));
    if (!BindDay(statement, 7, deals.engage_date[row], engage_text)) {
      return RowError("opportunity", id, "engage date is outside years 1-9999");
    }
    if (!BindDay(statement, 8, deals.close_date[row], close_text)) {
      return RowError("opportunity", id, "close date is outside years 1-9999");
    }
    BindNumber(statement, 9, deals.close_value[row]);
    if (Status done = Step(db, statement); !done.ok()) return RowError("opportunity", id, done.error().message);
    progress.Advance();
  }
  return Status::Ok();
}

Status WriteActivities(sqlite3* db, const Dataset& data, Progress& progress) {
  Result<Statement> insert = Prepare(db,
                                     "INSERT INTO activities (id, activity_id, activity_date, activity_type, "
                                     "sales_agent_id, account_id, opportunity_id, subject) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* statement = insert->get();
  const ActivityColumns& activities = data.activities;
  DayText date_text;
  for (size_t row = 0; row < activities.size(); ++row) {
    const std::string_view id = activities.id[row];
    sqlite3_bind_int64(statement, 1, static_cast<int64_t>(row) + 1);
    BindText(statement, 2, id);
    if (!BindDay(statement, 3, activities.date[row], date_text)) {
      return RowError("activity", id, "date is outside years 1-9999");
    }
    if (!BindCode(statement, 4, data.activity_types, activities.type[row])) {
      return RowError("activity", id, "type code " + std::to_string(activities.type[row]) + " is unknown");
    }
    BindRowId(statement, 5, activities.sales_agent[row]);
    BindRowId(statement, 6, activities.account[row]);
    BindRowId(statement, 7, activities.opportunity[row]);
    BindText(statement, 8, activities.subject[row]);
    if (Status done = Step(db, statement); !done.ok()) return RowError("activity", id, done.error().message);
    progress.Advance();
  }
  return Status::Ok();
}

// The first opportunity id that occurs twice in the table, or empty.
std::string DuplicateOpportunityId(sqlite3* db) {
  Result<Statement> query = Prepare(db,
                                    "SELECT opportunity_id FROM opportunities GROUP BY opportunity_id "
                                    "HAVING COUNT(*) > 1 ORDER BY MIN(id) LIMIT 1");
  if (!query.ok() || sqlite3_step(query->get()) != SQLITE_ROW) return {};
  return reinterpret_cast<const char*>(sqlite3_column_text(query->get(), 0));
}

}  // namespace

Status WriteDataset(sqlite3* db, const Dataset& data) {
  if (Status shapes = CheckColumnLengths(data); !shapes.ok()) return shapes;
  Result<DroppedIndexes> indexes = DroppedIndexes::Drop(db);
  if (!indexes.ok()) return indexes.error();
  // Children first, so that no foreign key ever points at a deleted row.
  if (Status cleared = Execute(db,
                               "DELETE FROM activities; DELETE FROM opportunities; DELETE FROM accounts; "
                               "DELETE FROM products; DELETE FROM sales_teams;");
      !cleared.ok()) {
    return cleared;
  }
  const uint64_t rows = data.accounts.size() + data.products.size() + data.sales_agents.size() +
                        data.opportunities.size() + data.activities.size();
  Progress progress{ProgressBar("Saving", rows)};
  for (auto write : {WriteAccounts, WriteProducts, WriteSalesAgents, WriteOpportunities, WriteActivities}) {
    if (Status written = write(db, data, progress); !written.ok()) return written;
  }
  if (Status rebuilt = indexes->Rebuild(db); !rebuilt.ok()) {
    const std::string duplicate = DuplicateOpportunityId(db);
    if (!duplicate.empty()) return Error{"opportunity '" + duplicate + "' occurs more than once"};
    return rebuilt;
  }
  return Status::Ok();
}

}  // namespace crm::store
