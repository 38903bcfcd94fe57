#pragma once
// The rows of each CRM table as the columns of a bulk INSERT (internal to the store).
//
// Each class names its table and the columns it fills, without the id: a bulk write inserts the rows in
// order into the emptied table, so SQLite gives them ids 1, 2, 3, …, which is how references are stored.
// It offers
//   Value(context, row, column): sets column `column` (0 … kColumnCount - 1) of row `row` as the result of
//       `context`; an Error for a value that cannot be stored (a reference or code out of range);
//   Describe(row): how messages name the row, e.g. "opportunity '1C1I7A6R'".

#include <sqlite3.h>

#include <string>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "sql_values.h"

namespace crm::store {

//! Rows of the accounts table.
class AccountRows {
 public:
  static constexpr const char* kTable = "accounts";
  static constexpr const char* kColumns =
      "name, sector, year_established, revenue, employees, office_location, subsidiary_of";
  static constexpr int kColumnCount = 7;

  explicit AccountRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.accounts.size(); }
  //! Sets one value; an Error for a value that cannot be stored.
  Status Value(sqlite3_context* context, size_t row, int column) const;
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "account '" + data_.accounts[row].name + "'"; }

 private:
  const Dataset& data_;
};

//! Rows of the products table.
class ProductRows {
 public:
  static constexpr const char* kTable = "products";
  static constexpr const char* kColumns = "name, series, sales_price";
  static constexpr int kColumnCount = 3;

  explicit ProductRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.products.size(); }
  //! Sets one value; an Error for a value that cannot be stored.
  Status Value(sqlite3_context* context, size_t row, int column) const;
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "product '" + data_.products[row].name + "'"; }

 private:
  const Dataset& data_;
};

//! Rows of the sales_teams table.
class SalesAgentRows {
 public:
  static constexpr const char* kTable = "sales_teams";
  static constexpr const char* kColumns = "sales_agent, manager, regional_office";
  static constexpr int kColumnCount = 3;

  explicit SalesAgentRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.sales_agents.size(); }
  //! Sets one value; an Error for a value that cannot be stored.
  Status Value(sqlite3_context* context, size_t row, int column) const;
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "sales agent '" + data_.sales_agents[row].name + "'"; }

 private:
  const Dataset& data_;
};

//! Rows of the opportunities table.
class OpportunityRows {
 public:
  static constexpr const char* kTable = "opportunities";
  static constexpr const char* kColumns =
      "opportunity_id, sales_agent_id, product_id, account_id, deal_stage, engage_date, close_date, "
      "close_value";
  static constexpr int kColumnCount = 8;

  explicit OpportunityRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.opportunities.size(); }
  //! Sets one value; an Error for a value that cannot be stored.
  Status Value(sqlite3_context* context, size_t row, int column);
  //! Names the row in messages.
  std::string Describe(size_t row) const {
    return "opportunity '" + std::string(data_.opportunities.id[row]) + "'";
  }

 private:
  const Dataset& data_;
  DayTexts engage_days_;  //!< one DayTexts per date column (see ResultDay)
  DayTexts close_days_;
};

//! Rows of the activity_subjects table: the dataset's subject dictionary, code c as id c + 1.
class ActivitySubjectRows {
 public:
  static constexpr const char* kTable = "activity_subjects";
  static constexpr const char* kColumns = "subject";
  static constexpr int kColumnCount = 1;

  explicit ActivitySubjectRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.activity_subjects.size(); }
  //! Sets the subject's text.
  Status Value(sqlite3_context* context, size_t row, int column) const;
  //! Names the row in messages.
  std::string Describe(size_t row) const { return "activity subject " + std::to_string(row + 1); }

 private:
  const Dataset& data_;
};

//! Rows of the activities table.
class ActivityRows {
 public:
  static constexpr const char* kTable = "activities";
  static constexpr const char* kColumns =
      "activity_id, activity_date, activity_type, sales_agent_id, account_id, opportunity_id, subject_id";
  static constexpr int kColumnCount = 7;

  explicit ActivityRows(const Dataset& data) : data_(data) {}
  //! Number of rows.
  size_t size() const { return data_.activities.size(); }
  //! Sets one value; an Error for a value that cannot be stored.
  Status Value(sqlite3_context* context, size_t row, int column);
  //! Names the row in messages.
  std::string Describe(size_t row) const {
    return "activity '" + std::string(data_.activities.id[row]) + "'";
  }

 private:
  const Dataset& data_;
  DayTexts days_;
};

}  // namespace crm::store
