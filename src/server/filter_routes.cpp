// GET /api/v1/filters: the values the insight filters can take in the loaded data, for the web UI's
// filter menus: offices, managers, agents, sectors, products, and the periods (years, quarters, months)
// in which deals were engaged or closed.
#include <set>
#include <string>

#include "api.h"
#include "crm/common/date.h"
#include "http_json.h"

namespace crm::server {

namespace {

//! The distinct non-empty values of `values`, sorted.
nlohmann::json Sorted(const std::vector<std::string>& values) {
  std::set<std::string> unique;
  for (const std::string& value : values) {
    if (!value.empty()) unique.insert(value);
  }
  return std::vector<std::string>(unique.begin(), unique.end());
}

//! The years, then the quarters, then the months ("2017", "2017-Q3", "2017-07") of the deals' dates.
nlohmann::json Periods(const Dataset& data) {
  std::set<std::string> years;
  std::set<std::string> quarters;
  std::set<std::string> months;
  const auto add = [&](int32_t day) {
    if (day == kNoDay) return;
    const std::string iso = FormatIsoDate(day);  // YYYY-MM-DD
    const std::string year = iso.substr(0, iso.size() - 6);
    years.insert(year);
    quarters.insert(year + "-Q" + std::to_string((CivilFromDays(day).month - 1) / 3 + 1));
    months.insert(iso.substr(0, iso.size() - 3));
  };
  for (const int32_t day : data.opportunities.engage_date) add(day);
  for (const int32_t day : data.opportunities.close_date) add(day);
  nlohmann::json periods = nlohmann::json::array();
  for (const auto* group : {&years, &quarters, &months}) {
    for (const std::string& period : *group) periods.push_back(period);
  }
  return periods;
}

//! The filter values of `data`, keyed by their query parameter names.
nlohmann::json FilterValues(const Dataset& data) {
  std::vector<std::string> agents;
  for (const SalesAgent& agent : data.sales_agents) agents.push_back(agent.name);
  std::vector<std::string> products;
  for (const Product& product : data.products) products.push_back(product.name);
  return {{"regional_office", Sorted(data.regional_offices.values())},
          {"manager", Sorted(data.managers.values())},
          {"sales_agent", Sorted(agents)},
          {"sector", Sorted(data.sectors.values())},
          {"product", Sorted(products)},
          {"period", Periods(data)}};
}

}  // namespace

void AddFilterRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/filters",
              "/api/v1/filters",
              "the values of the insight filters in the data: regional_office, manager, sales_agent, sector, "
              "product, period",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const std::string key = workspace->scope().Key() + "/filters";
               if (auto cached = api.insights.Find(key))
                 return SendJsonText(response, 200, std::move(*cached));
               std::string text = DumpJson(FilterValues(workspace->data()));
               api.insights.Put(key, text);
               SendJsonText(response, 200, std::move(text));
             });
}

}  // namespace crm::server
