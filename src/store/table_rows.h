#pragma once
// The rows of each CRM table as INSERT parameters (internal to the store).
//
// Each class names its INSERT (without the VALUES tuples) and column count, and offers
//   Bind(statement, first, row, slot): binds row `row` to parameters first … first + kColumns - 1, keeping
//       any text it formats in buffer `slot` (0 … kBatchRows - 1) until the statement is stepped;
//   Describe(row): how messages name the row, e.g. "opportunity '1C1I7A6R'".

#include <sqlite3.h>

#include <array>
#include <string>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "sql_binding.h"

namespace crm::store {

//! Rows per multi-row INSERT in a bulk write: a third faster than one statement per row.
inline constexpr int kBatchRows = 16;

//! Rows of the accounts table.
class AccountRows {
 public:
  static constexpr const char* kInsert =
      "INSERT INTO accounts (id, name, sector, year_established, revenue, employees, office_location, "
      "subsidiary_of) VALUES ";
  static constexpr int kColumns = 8;

  explicit AccountRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.accounts.size(); }
  //! Binds one row; an Error for a value that cannot be stored.
  Status Bind(sqlite3_stmt* statement, int first, size_t row, int slot);
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "account '" + data_.accounts[row].name + "'"; }

 private:
  const Dataset& data_;
};

//! Rows of the products table.
class ProductRows {
 public:
  static constexpr const char* kInsert = "INSERT INTO products (id, name, series, sales_price) VALUES ";
  static constexpr int kColumns = 4;

  explicit ProductRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.products.size(); }
  //! Binds one row; an Error for a value that cannot be stored.
  Status Bind(sqlite3_stmt* statement, int first, size_t row, int slot);
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "product '" + data_.products[row].name + "'"; }

 private:
  const Dataset& data_;
};

//! Rows of the sales_teams table.
class SalesAgentRows {
 public:
  static constexpr const char* kInsert =
      "INSERT INTO sales_teams (id, sales_agent, manager, regional_office) VALUES ";
  static constexpr int kColumns = 4;

  explicit SalesAgentRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.sales_agents.size(); }
  //! Binds one row; an Error for a value that cannot be stored.
  Status Bind(sqlite3_stmt* statement, int first, size_t row, int slot);
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "sales agent '" + data_.sales_agents[row].name + "'"; }

 private:
  const Dataset& data_;
};

//! Rows of the opportunities table.
class OpportunityRows {
 public:
  static constexpr const char* kInsert =
      "INSERT INTO opportunities (id, opportunity_id, sales_agent_id, product_id, account_id, deal_stage, "
      "engage_date, close_date, close_value) VALUES ";
  static constexpr int kColumns = 9;

  explicit OpportunityRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.opportunities.size(); }
  //! Binds one row; an Error for a value that cannot be stored.
  Status Bind(sqlite3_stmt* statement, int first, size_t row, int slot);
  //! Names the row in messages.
  std::string Describe(size_t row) const {
    return "opportunity '" + std::string(data_.opportunities.id[row]) + "'";
  }

 private:
  const Dataset& data_;
  std::array<DayText, kBatchRows> engage_dates_;
  std::array<DayText, kBatchRows> close_dates_;
};

//! Rows of the activities table.
class ActivityRows {
 public:
  static constexpr const char* kInsert =
      "INSERT INTO activities (id, activity_id, activity_date, activity_type, sales_agent_id, account_id, "
      "opportunity_id, subject) VALUES ";
  static constexpr int kColumns = 8;

  explicit ActivityRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.activities.size(); }
  //! Binds one row; an Error for a value that cannot be stored.
  Status Bind(sqlite3_stmt* statement, int first, size_t row, int slot);
  //! Names the row in messages.
  std::string Describe(size_t row) const {
    return "activity '" + std::string(data_.activities.id[row]) + "'";
  }

 private:
  const Dataset& data_;
  std::array<DayText, kBatchRows> dates_;
};

}  // namespace crm::store
