#include "crm/agents/email_facts.h"

#include <array>

#include "crm/agents/account_facts.h"
#include "crm/agents/facts_text.h"
#include "crm/ingest/text_cleaning.h"

namespace crm::agents {

namespace {

using nlohmann::json;

//! The weekday of a day number (day 0, 1970-01-01, was a Thursday).
std::string Weekday(int32_t day) {
  static constexpr std::array<const char*, 7> kDays = {"Thursday", "Friday",  "Saturday", "Sunday",
                                                       "Monday",   "Tuesday", "Wednesday"};
  return kDays[static_cast<size_t>(((day % 7) + 7) % 7)];
}

//! Moves a weekend day to the Monday after.
int32_t WorkingDay(int32_t day) {
  const std::string weekday = Weekday(day);
  return weekday == "Saturday" ? day + 2 : weekday == "Sunday" ? day + 1 : day;
}

Result<int32_t> FindProduct(const Dataset& data, const std::string& name) {
  const std::string wanted = ingest::ToLowerAscii(ingest::Trim(name));
  std::string known;
  for (size_t row = 0; row < data.products.size(); ++row) {
    if (ingest::ToLowerAscii(data.products[row].name) == wanted) return static_cast<int32_t>(row);
    known += (known.empty() ? "" : ", ") + data.products[row].name;
  }
  return Error{"unknown product '" + name + "'; known: " + known};
}

//! The product to feature: the one asked for, else the deal's, else the whitespace product sector peers
//! buy most, else the one the account has won most; kNoIndex when none applies.
Result<int32_t> ChooseProduct(const Dataset& data, const EmailRequest& request, const json& summary) {
  if (!request.product.empty()) return FindProduct(data, request.product);
  if (request.deal != kNoIndex) return data.opportunities.product[request.deal];
  for (const char* list : {"whitespace", "products_bought"}) {
    if (!summary[list].empty()) return data.FindProduct(Text(summary[list][0], "product"));
  }
  return kNoIndex;
}

json Sender(const Dataset& data, int32_t agent) {
  const SalesAgent& sender = data.sales_agents[agent];
  return {{"name", sender.name},
          {"manager", sender.manager == kNoIndex ? json(nullptr)
                                                 : json(std::string(data.managers.Value(sender.manager)))},
          {"regional_office", sender.regional_office == kNoIndex
                                  ? json(nullptr)
                                  : json(std::string(data.regional_offices.Value(sender.regional_office)))}};
}

json Deal(const AgentContext& context, int32_t deal) {
  const OpportunityColumns& deals = context.data().opportunities;
  const int32_t engaged = deals.engage_date[deal];
  json facts = {
      {"opportunity_id", std::string(deals.id[deal])},
      {"stage", std::string(DealStageName(deals.deal_stage[deal]))},
      {"engage_date", engaged == kNoDay ? json(nullptr) : json(FormatIsoDate(engaged))},
      {"days_open", engaged == kNoDay || IsClosed(deals.deal_stage[deal]) ? json(nullptr)
                                                                          : json(context.as_of() - engaged)}};
  if (deals.close_date[deal] != kNoDay) facts["close_date"] = FormatIsoDate(deals.close_date[deal]);
  return facts;
}

}  // namespace

int32_t NextStepDays(Tone tone) {
  switch (tone) {
    case Tone::kUrgent:
      return 3;
    case Tone::kFriendly:
      return 10;
    case Tone::kProfessional:
    case Tone::kConsultative:
      return 7;
  }
  return 7;
}

Result<nlohmann::json> EmailFacts(const AgentContext& context, const EmailRequest& request) {
  const Dataset& data = context.data();
  const int32_t account =
      request.deal != kNoIndex ? data.opportunities.account[request.deal] : request.account;
  if (account == kNoIndex) return Error{"the opportunity names no account to write to"};
  const json summary = AccountFacts(context, account);
  const int32_t agent =
      request.deal != kNoIndex ? data.opportunities.sales_agent[request.deal] : context.MainAgent(account);
  if (agent == kNoIndex)
    return Error{"no sales agent has worked with " + data.accounts[account].name + " yet"};
  auto product = ChooseProduct(data, request, summary);
  if (!product.ok()) return product.error();
  json facts;
  facts["as_of"] = summary["as_of"];
  facts["email_type"] = std::string(EmailTypeName(request.type));
  facts["tone"] = std::string(ToneName(request.tone));
  const json& profile = summary["account"];
  facts["account"] = {{"name", profile["name"]},
                      {"sector", profile["sector"]},
                      {"office_location", profile["office_location"]},
                      {"year_established", profile["year_established"]}};
  json bought = json::array();
  for (const json& line : summary["products_bought"]) bought.push_back(line["product"]);
  const json& metrics = summary["metrics"];
  facts["history"] = {{"won_deals", metrics["won_deals"]},
                      {"lost_deals", metrics["lost_deals"]},
                      {"open_deals", metrics["open_deals"]},
                      {"last_win_date", metrics["last_win_date"]},
                      {"products_bought", bought}};
  if (*product != kNoIndex) {
    const Product& chosen = data.products[*product];
    facts["product"] = {
        {"name", chosen.name},
        {"series",
         chosen.series == kNoIndex ? json(nullptr) : json(std::string(data.series.Value(chosen.series)))},
        {"list_price", HasValue(chosen.sales_price) ? json(chosen.sales_price) : json(nullptr)}};
  } else {
    facts["product"] = nullptr;
  }
  facts["deal"] = request.deal == kNoIndex ? json(nullptr) : Deal(context, request.deal);
  facts["sender"] = Sender(data, agent);
  facts["recipient"] = {{"to", request.to.empty() ? json(nullptr) : json(request.to)},
                        {"team", Text(profile, "name") + " team"}};
  const int32_t next = WorkingDay(context.as_of() + NextStepDays(request.tone));
  facts["next_step"] = {{"date", FormatIsoDate(next)}, {"weekday", Weekday(next)}};
  return facts;
}

}  // namespace crm::agents
