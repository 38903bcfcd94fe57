// GET /api/v1/accounts, /api/v1/accounts/{name}/summary and /api/v1/opportunities/{id}: the records, the
// account briefing of `summary --json` and a deal with its score.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <type_traits>
#include <variant>

#include "api.h"
#include "crm/agents/account_summary.h"
#include "crm/agents/deal_record.h"
#include "crm/common/date.h"
#include "http_json.h"

namespace crm::server {

namespace {

//! A table cell as JSON: null, a number or text.
nlohmann::json CellJson(const analytics::Cell& cell) {
  return std::visit(
      [](const auto& value) -> nlohmann::json {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, double>) {
          if (!std::isfinite(value)) return nullptr;
        }
        return value;
      },
      cell);
}

//! The rows of `table` as objects column → value.
nlohmann::json RowsJson(const analytics::Table& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json object = nlohmann::json::object();
    for (size_t i = 0; i < row.size() && i < table.columns.size(); ++i)
      object[table.columns[i]] = CellJson(row[i]);
    rows.push_back(std::move(object));
  }
  return rows;
}

}  // namespace

void AddRecordRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/accounts",
              "/api/v1/accounts",
              "every account: name, sector, health score and band",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const agents::AgentContext& agents = workspace->agents();
               const auto& tables = agents.health().tables;
               const auto table = std::find_if(tables.begin(), tables.end(), [](const analytics::Table& t) {
                 return t.name == "account_health";
               });
               SendJson(response, 200,
                        {{"as_of", FormatIsoDate(agents.as_of())},
                         {"accounts", table == tables.end() ? nlohmann::json::array() : RowsJson(*table)}});
             });
  routes.Add({"GET",
              "/api/v1/accounts/(.+)/summary",
              "/api/v1/accounts/{name}/summary",
              "the account briefing of `summary ACCOUNT --json`",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const auto account = api.AccountFor(request, response);
               if (!account) return;
               const auto [workspace, row] = *account;
               SendJson(
                   response, 200,
                   agents::ToJson(agents::SummarizeAccount(workspace->agents(), row, *api.state->writer)));
             });
  routes.Add({"GET",
              "/api/v1/opportunities/([^/]+)",
              "/api/v1/opportunities/{id}",
              "one opportunity and, when open, its score (the JSON of `score ID --json`)",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const agents::AgentContext& agents = workspace->agents();
               std::string id = request.matches[1];
               for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
               const int32_t deal = agents.data().FindOpportunity(id);
               if (deal == kNoIndex) return SendError(response, 404, "no opportunity with id '" + id + "'");
               nlohmann::json document = {{"opportunity", agents::DealRecordJson(agents.data(), deal)},
                                          {"score", nullptr}};
               auto score = agents.scorer().Score(deal);
               if (score.ok()) {
                 document["score"] = models::ToJson(*score);
               } else {
                 document["score_note"] = score.error().message;
               }
               SendJson(response, 200, document);
             });
}

}  // namespace crm::server
