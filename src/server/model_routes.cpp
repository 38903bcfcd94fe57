// GET /api/v1/models: the model card of every model in use and how the revenue forecast did on its backtest.
#include "api.h"
#include "crm/common/date.h"
#include "crm/models/model_card.h"
#include "http_json.h"

namespace crm::server {

void AddModelRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET",
              "/api/v1/models",
              "/api/v1/models",
              "the model card of every model: metrics next to the baseline, calibration, confusion matrix, "
              "importance, fairness, backtest; the forecast's backtest; what the models cannot do",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const access::Workspace* workspace = api.WorkspaceFor(request, response);
               if (!workspace) return;
               const agents::AgentContext& agents = workspace->agents();
               nlohmann::json document = models::ModelCardsJson(agents.models());
               document["as_of"] = FormatIsoDate(agents.as_of());
               auto forecast = agents.engine().Run("forecast", analytics::FilterRequest{});
               document["forecast"] = forecast.ok() ? models::ForecastAccuracyJson(*forecast) : nullptr;
               SendJson(response, 200, document);
             });
}

}  // namespace crm::server
