#include "table_rows.h"

namespace crm::store {

namespace {

Error UnknownCode(const char* what, int32_t code) {
  return Error{std::string(what) + " code " + std::to_string(code) + " is unknown"};
}

Error MissingRow(const char* what, int32_t row) {
  return Error{"its " + std::string(what) + " (row " + std::to_string(row) + ") does not exist"};
}

}  // namespace

Status AccountRows::Bind(sqlite3_stmt* statement, int first, size_t row, int) {
  const Account& account = data_.accounts[row];
  sqlite3_bind_int64(statement, first, static_cast<int64_t>(row) + 1);
  BindText(statement, first + 1, account.name);
  if (!BindCode(statement, first + 2, data_.sectors, account.sector))
    return UnknownCode("sector", account.sector);
  BindInteger(statement, first + 3, account.year_established, kNoIndex);
  BindNumber(statement, first + 4, account.revenue);
  BindInteger(statement, first + 5, account.employees, kNoInteger);
  if (!BindCode(statement, first + 6, data_.countries, account.office_location)) {
    return UnknownCode("office location", account.office_location);
  }
  BindTextOrNull(statement, first + 7, account.subsidiary_of);
  return Status::Ok();
}

Status ProductRows::Bind(sqlite3_stmt* statement, int first, size_t row, int) {
  const Product& product = data_.products[row];
  sqlite3_bind_int64(statement, first, static_cast<int64_t>(row) + 1);
  BindText(statement, first + 1, product.name);
  if (!BindCode(statement, first + 2, data_.series, product.series))
    return UnknownCode("series", product.series);
  BindNumber(statement, first + 3, product.sales_price);
  return Status::Ok();
}

Status SalesAgentRows::Bind(sqlite3_stmt* statement, int first, size_t row, int) {
  const SalesAgent& agent = data_.sales_agents[row];
  sqlite3_bind_int64(statement, first, static_cast<int64_t>(row) + 1);
  BindText(statement, first + 1, agent.name);
  if (!BindCode(statement, first + 2, data_.managers, agent.manager))
    return UnknownCode("manager", agent.manager);
  if (!BindCode(statement, first + 3, data_.regional_offices, agent.regional_office)) {
    return UnknownCode("regional office", agent.regional_office);
  }
  return Status::Ok();
}

Status OpportunityRows::Bind(sqlite3_stmt* statement, int first, size_t row, int slot) {
  const OpportunityColumns& deals = data_.opportunities;
  sqlite3_bind_int64(statement, first, static_cast<int64_t>(row) + 1);
  BindText(statement, first + 1, deals.id[row]);
  if (!BindRowId(statement, first + 2, deals.sales_agent[row], data_.sales_agents.size())) {
    return MissingRow("sales agent", deals.sales_agent[row]);
  }
  if (!BindRowId(statement, first + 3, deals.product[row], data_.products.size())) {
    return MissingRow("product", deals.product[row]);
  }
  if (!BindRowId(statement, first + 4, deals.account[row], data_.accounts.size())) {
    return MissingRow("account", deals.account[row]);
  }
  const DealStage stage = deals.deal_stage[row];
  if (static_cast<int>(stage) >= kDealStageCount) {
    return Error{"deal stage " + std::to_string(static_cast<int>(stage)) + " is unknown"};
  }
  BindText(statement, first + 5, DealStageName(stage));
  if (!BindDay(statement, first + 6, deals.engage_date[row], engage_dates_[slot])) {
    return Error{"engage date is outside years 1-9999"};
  }
  if (!BindDay(statement, first + 7, deals.close_date[row], close_dates_[slot])) {
    return Error{"close date is outside years 1-9999"};
  }
  BindNumber(statement, first + 8, deals.close_value[row]);
  return Status::Ok();
}

Status ActivityRows::Bind(sqlite3_stmt* statement, int first, size_t row, int slot) {
  const ActivityColumns& activities = data_.activities;
  sqlite3_bind_int64(statement, first, static_cast<int64_t>(row) + 1);
  BindText(statement, first + 1, activities.id[row]);
  if (!BindDay(statement, first + 2, activities.date[row], dates_[slot])) {
    return Error{"date is outside years 1-9999"};
  }
  if (!BindCode(statement, first + 3, data_.activity_types, activities.type[row])) {
    return UnknownCode("type", activities.type[row]);
  }
  if (!BindRowId(statement, first + 4, activities.sales_agent[row], data_.sales_agents.size())) {
    return MissingRow("sales agent", activities.sales_agent[row]);
  }
  if (!BindRowId(statement, first + 5, activities.account[row], data_.accounts.size())) {
    return MissingRow("account", activities.account[row]);
  }
  if (!BindRowId(statement, first + 6, activities.opportunity[row], data_.opportunities.size())) {
    return MissingRow("opportunity", activities.opportunity[row]);
  }
  if (activities.subject[row] < 0 || static_cast<size_t>(activities.subject[row]) >= data_.activity_subjects.size()) {
    return UnknownCode("subject", activities.subject[row]);
  }
  BindText(statement, first + 7, data_.activity_subjects.Value(activities.subject[row]));
  return Status::Ok();
}

}  // namespace crm::store
