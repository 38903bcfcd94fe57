// GET /api/v1/health: the server is up, what data it serves and which models it uses.
#include "api.h"
#include "crm/common/date.h"
#include "crm/models/model_kind.h"
#include "http_json.h"

namespace crm::server {

void AddHealthRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/health",
              "/api/v1/health",
              "status; with credentials, the counts of the data the caller sees and the models",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               // Anybody may ask whether the server is up; only a caller learns what data it serves.
               if (!api.CallerOf(request).ok()) return SendJson(response, 200, {{"status", "ok"}});
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const agents::AgentContext& agents = workspace->agents();
               const Dataset& data = agents.data();
               nlohmann::json models = nlohmann::json::object();
               for (const models::ModelKind kind : models::kAllModels) {
                 const models::ModelSlot& slot = agents.models().slot(kind);
                 models[std::string(models::ModelName(kind))] = {{"available", slot.model.has_value()},
                                                                 {"stale", slot.stale},
                                                                 {"note", slot.unavailable}};
               }
               SendJson(response, 200,
                        {{"status", "ok"},
                         {"data",
                          {{"accounts", data.accounts.size()},
                           {"products", data.products.size()},
                           {"sales_agents", data.sales_agents.size()},
                           {"opportunities", data.opportunities.size()},
                           {"activities", data.activities.size()},
                           {"as_of", FormatIsoDate(agents.as_of())}}},
                         {"models", models}});
             });
}

}  // namespace crm::server
