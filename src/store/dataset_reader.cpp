#include "dataset_reader.h"

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "crm/store/sqlite.h"

namespace crm::store {

namespace {

// The getters below return 0 or a null pointer for SQL NULL; only then is the column's type asked, which
// keeps a 1M-row load to one SQLite call per value.
bool IsNull(sqlite3_stmt* statement, int column) {
  return sqlite3_column_type(statement, column) == SQLITE_NULL;
}

// NULL reads as empty.
std::string_view ColumnText(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text == nullptr ? std::string_view()
                         : std::string_view(text, sqlite3_column_bytes(statement, column));
}

int32_t ColumnCode(sqlite3_stmt* statement, int column, StringDictionary& dictionary) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  if (text == nullptr && IsNull(statement, column)) return kNoIndex;
  return dictionary.Intern(
      std::string_view(text == nullptr ? "" : text, sqlite3_column_bytes(statement, column)));
}

double ColumnNumber(sqlite3_stmt* statement, int column) {
  const double value = sqlite3_column_double(statement, column);
  return value == 0 && IsNull(statement, column) ? kNoNumber : value;
}

int64_t ColumnInteger(sqlite3_stmt* statement, int column, int64_t missing) {
  const int64_t value = sqlite3_column_int64(statement, column);
  return value == 0 && IsNull(statement, column) ? missing : value;
}

// Reads a reference (an id) as a row of a table with `rows` rows; false when it names no row.
bool ColumnRow(sqlite3_stmt* statement, int column, size_t rows, int32_t& row) {
  const int64_t id = sqlite3_column_int64(statement, column);
  if (id == 0 && IsNull(statement, column)) {
    row = kNoIndex;
    return true;
  }
  if (id < 1 || static_cast<uint64_t>(id) > rows) return false;
  row = static_cast<int32_t>(id - 1);
  return true;
}

// Reads 'YYYY-MM-DD' dates, remembering the ones it has seen: a column of a million deals holds only
// a few thousand distinct days, so most reads skip the parse.
class DayReader {
 public:
  //! Reads column `column`; false when it holds something other than NULL or a valid date.
  bool Read(sqlite3_stmt* statement, int column, int32_t& day) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
    if (text == nullptr && IsNull(statement, column)) {
      day = kNoDay;
      return true;
    }
    if (text == nullptr || sqlite3_column_bytes(statement, column) != 10) return false;
    uint64_t head;
    uint16_t tail;
    std::memcpy(&head, text, sizeof head);
    std::memcpy(&tail, text + sizeof head, sizeof tail);
    Slot& slot = slots_[((head * 0x9E3779B97F4A7C15ull) >> 52 ^ tail) % kSlots];
    if (slot.day == kNoDay || slot.head != head || slot.tail != tail) {
      const std::optional<int32_t> parsed = ParseIsoDate(std::string_view(text, 10));
      if (!parsed) return false;
      slot = {head, tail, *parsed};
    }
    day = slot.day;
    return true;
  }

 private:
  static constexpr size_t kSlots = 4096;
  struct Slot {
    uint64_t head = 0;  //!< the text's first eight bytes
    uint16_t tail = 0;  //!< its last two
    int32_t day = kNoDay;
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

Error RowError(std::string_view what, std::string_view key, std::string_view problem) {
  return Error{std::string(what) + " '" + std::string(key) + "': " + std::string(problem)};
}

// Runs `query` (whose first column is the id) and calls `read(statement)` for each row, checking
// that the ids are 1, 2, 3, … so that references can be turned into row numbers.
template <typename ReadRow>
Status ForEachRow(sqlite3* db, std::string_view table, std::string_view query, ReadRow read) {
  Result<Statement> prepared = Prepare(db, query);
  if (!prepared.ok()) return prepared.error();
  sqlite3_stmt* statement = prepared->get();
  for (size_t row = 0;; ++row) {
    const int step = sqlite3_step(statement);
    if (step == SQLITE_DONE) return Status::Ok();
    if (step != SQLITE_ROW) return Error{LastError(db)};
    const int64_t id = sqlite3_column_int64(statement, 0);
    if (id != static_cast<int64_t>(row) + 1) {
      return Error{"table " + std::string(table) + " has id " + std::to_string(id) + " where " +
                   std::to_string(row + 1) + " was expected (ids must be 1, 2, 3, …)"};
    }
    if (Status status = read(statement); !status.ok()) return status;
  }
}

Status ReadAccounts(sqlite3* db, Dataset& data) {
  const auto read = [&data](sqlite3_stmt* statement) -> Status {
    Account& account = data.accounts.emplace_back();
    account.name = ColumnText(statement, 1);
    account.sector = ColumnCode(statement, 2, data.sectors);
    account.year_established = static_cast<int32_t>(ColumnInteger(statement, 3, kNoIndex));
    account.revenue = ColumnNumber(statement, 4);
    account.employees = ColumnInteger(statement, 5, kNoInteger);
    account.office_location = ColumnCode(statement, 6, data.countries);
    account.subsidiary_of = ColumnText(statement, 7);
    return Status::Ok();
  };
  return ForEachRow(
      db, "accounts",
      "SELECT id, name, sector, year_established, revenue, employees, office_location, subsidiary_of "
      "FROM accounts ORDER BY id",
      read);
}

Status ReadProducts(sqlite3* db, Dataset& data) {
  const auto read = [&data](sqlite3_stmt* statement) -> Status {
    Product& product = data.products.emplace_back();
    product.name = ColumnText(statement, 1);
    product.series = ColumnCode(statement, 2, data.series);
    product.sales_price = ColumnNumber(statement, 3);
    return Status::Ok();
  };
  return ForEachRow(db, "products", "SELECT id, name, series, sales_price FROM products ORDER BY id", read);
}

Status ReadSalesAgents(sqlite3* db, Dataset& data) {
  const auto read = [&data](sqlite3_stmt* statement) -> Status {
    SalesAgent& agent = data.sales_agents.emplace_back();
    agent.name = ColumnText(statement, 1);
    agent.manager = ColumnCode(statement, 2, data.managers);
    agent.regional_office = ColumnCode(statement, 3, data.regional_offices);
    return Status::Ok();
  };
  return ForEachRow(db, "sales_teams",
                    "SELECT id, sales_agent, manager, regional_office FROM sales_teams ORDER BY id", read);
}

Status ReadOpportunities(sqlite3* db, Dataset& data) {
  Result<int64_t> count = QueryInt64(db, "SELECT COUNT(*) FROM opportunities");
  if (!count.ok()) return count.error();
  OpportunityColumns& deals = data.opportunities;
  deals.Reserve(static_cast<size_t>(*count));
  DayReader days;
  const auto read = [&data, &deals, &days](sqlite3_stmt* statement) -> Status {
    const std::string_view id = ColumnText(statement, 1);
    int32_t agent, product, account, engage_date, close_date;
    if (!ColumnRow(statement, 2, data.sales_agents.size(), agent) || agent == kNoIndex) {
      return RowError("opportunity", id, "sales_agent_id names no sales agent");
    }
    if (!ColumnRow(statement, 3, data.products.size(), product) || product == kNoIndex) {
      return RowError("opportunity", id, "product_id names no product");
    }
    if (!ColumnRow(statement, 4, data.accounts.size(), account)) {
      return RowError("opportunity", id, "account_id names no account");
    }
    const std::optional<DealStage> stage = DealStageFromName(ColumnText(statement, 5));
    if (!stage) return RowError("opportunity", id, "deal_stage is not a known stage");
    if (!days.Read(statement, 6, engage_date)) {
      return RowError("opportunity", id, "engage_date is not a YYYY-MM-DD date");
    }
    if (!days.Read(statement, 7, close_date)) {
      return RowError("opportunity", id, "close_date is not a YYYY-MM-DD date");
    }
    deals.id.Append(id);
    deals.sales_agent.push_back(agent);
    deals.product.push_back(product);
    deals.account.push_back(account);
    deals.deal_stage.push_back(*stage);
    deals.engage_date.push_back(engage_date);
    deals.close_date.push_back(close_date);
    deals.close_value.push_back(ColumnNumber(statement, 8));
    return Status::Ok();
  };
  return ForEachRow(
      db, "opportunities",
      "SELECT id, opportunity_id, sales_agent_id, product_id, account_id, deal_stage, engage_date, "
      "close_date, close_value FROM opportunities ORDER BY id",
      read);
}

// The subjects by id (id i at index i - 1), each with the dictionary code it gets at its first use, so
// that the codes follow the activities' order as the image numbers them.
struct SubjectTable {
  std::vector<std::string> texts;
  std::vector<int32_t> codes;  //!< kNoIndex until first used
};

Status ReadActivitySubjects(sqlite3* db, SubjectTable& subjects) {
  const auto read = [&subjects](sqlite3_stmt* statement) -> Status {
    subjects.texts.emplace_back(ColumnText(statement, 1));
    return Status::Ok();
  };
  Status status =
      ForEachRow(db, "activity_subjects", "SELECT id, subject FROM activity_subjects ORDER BY id", read);
  subjects.codes.assign(subjects.texts.size(), kNoIndex);
  return status;
}

Status ReadActivities(sqlite3* db, Dataset& data) {
  SubjectTable subjects;
  if (Status read = ReadActivitySubjects(db, subjects); !read.ok()) return read;
  Result<int64_t> count = QueryInt64(db, "SELECT COUNT(*) FROM activities");
  if (!count.ok()) return count.error();
  ActivityColumns& activities = data.activities;
  activities.Reserve(static_cast<size_t>(*count));
  DayReader days;
  const auto read = [&data, &activities, &days, &subjects](sqlite3_stmt* statement) -> Status {
    const std::string_view id = ColumnText(statement, 1);
    int32_t date, agent, account, opportunity, subject;
    if (!days.Read(statement, 2, date)) {
      return RowError("activity", id, "activity_date is not a YYYY-MM-DD date");
    }
    if (!ColumnRow(statement, 4, data.sales_agents.size(), agent) || agent == kNoIndex) {
      return RowError("activity", id, "sales_agent_id names no sales agent");
    }
    if (!ColumnRow(statement, 5, data.accounts.size(), account)) {
      return RowError("activity", id, "account_id names no account");
    }
    if (!ColumnRow(statement, 6, data.opportunities.size(), opportunity)) {
      return RowError("activity", id, "opportunity_id names no opportunity");
    }
    if (!ColumnRow(statement, 7, subjects.texts.size(), subject) || subject == kNoIndex) {
      return RowError("activity", id, "subject_id names no subject");
    }
    const std::optional<uint16_t> agent_code = ToNarrow<uint16_t>(agent);
    if (!agent_code) return RowError("activity", id, "sales_agent_id is after the first 65,535 sales agents");
    const std::optional<uint8_t> type_code = ToNarrow<uint8_t>(ColumnCode(statement, 3, data.activity_types));
    if (!type_code) return RowError("activity", id, "activity_type would be a 256th activity type");
    int32_t& code = subjects.codes[subject];
    if (code == kNoIndex) code = data.activity_subjects.Intern(subjects.texts[subject]);
    activities.id.Append(id);
    activities.date.push_back(date);
    activities.type.push_back(*type_code);
    activities.sales_agent.push_back(*agent_code);
    activities.account.push_back(account);
    activities.opportunity.push_back(opportunity);
    activities.subject.push_back(code);
    return Status::Ok();
  };
  return ForEachRow(db, "activities",
                    "SELECT id, activity_id, activity_date, activity_type, sales_agent_id, account_id, "
                    "opportunity_id, subject_id FROM activities ORDER BY id",
                    read);
}

}  // namespace

Result<Dataset> ReadDataset(sqlite3* db) {
  Dataset data;
  for (auto read : {ReadAccounts, ReadProducts, ReadSalesAgents, ReadOpportunities, ReadActivities}) {
    if (Status status = read(db, data); !status.ok()) return status.error();
  }
  data.BuildIndexes();
  return data;
}

}  // namespace crm::store
