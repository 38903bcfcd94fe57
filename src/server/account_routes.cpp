// GET /api/v1/accounts/{name}: everything the account page shows in one answer.
#include "api.h"
#include "crm/agents/account_page.h"
#include "http_json.h"

namespace crm::server {

void AddAccountRoutes(RouteTable& routes, Api& api) {
  routes.Add(
      {"GET",
       "/api/v1/accounts/([^/]+)",
       "/api/v1/accounts/{name}",
       "one account: record, summary, health and its components, scored opportunities, look-alikes",
       {}},
      [&api](const httplib::Request& request, httplib::Response& response) {
        const auto account = api.AccountFor(request, response);
        if (!account) return;
        const auto [workspace, row] = *account;
        SendJson(response, 200,
                 agents::AccountPageJson(workspace->agents(), row, *api.state->writer, workspace->search()));
      });
}

}  // namespace crm::server
