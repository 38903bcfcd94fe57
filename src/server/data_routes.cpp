// GET /api/v1/imports (the import history with each cleaning report) and /api/v1/data/profile (deal size
// and health distributions, correlations of the numeric fields).
#include <filesystem>

#include "api.h"
#include "crm/analytics/data_profile.h"
#include "crm/common/date.h"
#include "crm/report/import_history.h"
#include "crm/store/store.h"
#include "http_json.h"

namespace crm::server {

void AddDataRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/imports",
              "/api/v1/imports",
              "the import history, newest first, with each import's cleaning report",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               // The cleaning reports name rows of all the data: only those who see it all read them.
               if (!workspace->scope().all())
                 return SendError(response, 403, "the import history covers all the data: ask an admin");
               const std::string& path = api.state->store_path;
               if (path.empty() || !std::filesystem::exists(path))
                 return SendJson(response, 200, report::ImportHistoryJson({}));
               auto store = store::Store::Open(path);
               if (!store.ok()) return SendError(response, 503, "the store's import history cannot be read");
               auto history = (*store)->ImportHistory();
               if (!history.ok())
                 return SendError(response, 503, "the store's import history cannot be read");
               SendJson(response, 200, report::ImportHistoryJson(*history));
             });
  routes.Add({"GET",
              "/api/v1/data/profile",
              "/api/v1/data/profile",
              "deal size and account health distributions, correlations of the numeric fields",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const agents::AgentContext& agents = workspace->agents();
               nlohmann::json document = analytics::DataProfileJson(agents.data(), agents.health());
               document["as_of"] = FormatIsoDate(agents.as_of());
               SendJson(response, 200, document);
             });
}

}  // namespace crm::server
