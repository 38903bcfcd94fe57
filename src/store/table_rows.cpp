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

Status AccountRows::Value(sqlite3_context* context, size_t row, int column) const {
  const Account& account = data_.accounts[row];
  switch (column) {
    case 0:
      ResultText(context, account.name);
      break;
    case 1:
      if (!ResultCode(context, data_.sectors, account.sector)) return UnknownCode("sector", account.sector);
      break;
    case 2:
      ResultInteger(context, account.year_established, kNoIndex);
      break;
    case 3:
      ResultNumber(context, account.revenue);
      break;
    case 4:
      ResultInteger(context, account.employees, kNoInteger);
      break;
    case 5:
      if (!ResultCode(context, data_.countries, account.office_location)) {
        return UnknownCode("office location", account.office_location);
      }
      break;
    case 6:
      ResultTextOrNull(context, account.subsidiary_of);
      break;
  }
  return Status::Ok();
}

Status ProductRows::Value(sqlite3_context* context, size_t row, int column) const {
  const Product& product = data_.products[row];
  switch (column) {
    case 0:
      ResultText(context, product.name);
      break;
    case 1:
      if (!ResultCode(context, data_.series, product.series)) return UnknownCode("series", product.series);
      break;
    case 2:
      ResultNumber(context, product.sales_price);
      break;
  }
  return Status::Ok();
}

Status SalesAgentRows::Value(sqlite3_context* context, size_t row, int column) const {
  const SalesAgent& agent = data_.sales_agents[row];
  switch (column) {
    case 0:
      ResultText(context, agent.name);
      break;
    case 1:
      if (!ResultCode(context, data_.managers, agent.manager)) return UnknownCode("manager", agent.manager);
      break;
    case 2:
      if (!ResultCode(context, data_.regional_offices, agent.regional_office)) {
        return UnknownCode("regional office", agent.regional_office);
      }
      break;
  }
  return Status::Ok();
}

Status OpportunityRows::Value(sqlite3_context* context, size_t row, int column) {
  const OpportunityColumns& deals = data_.opportunities;
  switch (column) {
    case 0:
      ResultText(context, deals.id[row]);
      break;
    case 1:
      if (!ResultRowId(context, deals.sales_agent[row], data_.sales_agents.size())) {
        return MissingRow("sales agent", deals.sales_agent[row]);
      }
      break;
    case 2:
      if (!ResultRowId(context, deals.product[row], data_.products.size())) {
        return MissingRow("product", deals.product[row]);
      }
      break;
    case 3:
      if (!ResultRowId(context, deals.account[row], data_.accounts.size())) {
        return MissingRow("account", deals.account[row]);
      }
      break;
    case 4: {
      const DealStage stage = deals.deal_stage[row];
      if (static_cast<int>(stage) >= kDealStageCount) {
        return Error{"deal stage " + std::to_string(static_cast<int>(stage)) + " is unknown"};
      }
      ResultText(context, DealStageName(stage));
      break;
    }
    case 5:
      if (!ResultDay(context, deals.engage_date[row], engage_days_))
        return Error{"engage date is outside years 1-9999"};
      break;
    case 6:
      if (!ResultDay(context, deals.close_date[row], close_days_))
        return Error{"close date is outside years 1-9999"};
      break;
    case 7:
      ResultNumber(context, deals.close_value[row]);
      break;
  }
  return Status::Ok();
}

Status ActivitySubjectRows::Value(sqlite3_context* context, size_t row, int) const {
  ResultText(context, data_.activity_subjects.Value(static_cast<int32_t>(row)));
  return Status::Ok();
}

Status ActivityRows::Value(sqlite3_context* context, size_t row, int column) {
  const ActivityColumns& activities = data_.activities;
  switch (column) {
    case 0:
      ResultText(context, activities.id[row]);
      break;
    case 1:
      if (!ResultDay(context, activities.date[row], days_)) return Error{"date is outside years 1-9999"};
      break;
    case 2:
      if (!ResultCode(context, data_.activity_types, FromNarrow(activities.type[row]))) {
        return UnknownCode("type", FromNarrow(activities.type[row]));
      }
      break;
    case 3:
      if (!ResultRowId(context, FromNarrow(activities.sales_agent[row]), data_.sales_agents.size())) {
        return MissingRow("sales agent", FromNarrow(activities.sales_agent[row]));
      }
      break;
    case 4:
      if (!ResultRowId(context, activities.account[row], data_.accounts.size())) {
        return MissingRow("account", activities.account[row]);
      }
      break;
    case 5:
      if (!ResultRowId(context, activities.opportunity[row], data_.opportunities.size())) {
        return MissingRow("opportunity", activities.opportunity[row]);
      }
      break;
    case 6: {
      const int32_t subject = activities.subject[row];
      if (subject == kNoIndex || !ResultRowId(context, subject, data_.activity_subjects.size())) {
        return UnknownCode("subject", subject);
      }
      break;
    }
  }
  return Status::Ok();
}

}  // namespace crm::store
