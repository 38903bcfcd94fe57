// GET /api/v1/accounts/{name}: everything the account page shows in one answer.
#include "api.h"
#include "crm/agents/account_lookup.h"
#include "crm/agents/account_page.h"
#include "http_json.h"

namespace crm::server {

void AddAccountRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/accounts/([^/]+)",
              "/api/v1/accounts/{name}",
              "one account: record, summary, health and its components, scored opportunities, look-alikes",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const agents::AgentContext& agents = workspace->agents();
               const auto row = agents::FindAccountByName(agents.data(), request.matches[1].str());
               if (!row.ok()) return SendError(response, 404, row.error().message);
               SendJson(response, 200,
                        agents::AccountPageJson(agents, *row, *api.state->writer, workspace->search()));
             });
}

}  // namespace crm::server
