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
             [&api](const httplib::Request&, httplib::Response& response) {
               const agents::AgentContext& agents = *api.state->agents;
               nlohmann::json document = models::ModelCardsJson(agents.models());
               document["as_of"] = FormatIsoDate(agents.as_of());
               auto forecast = agents.engine().Run("forecast", analytics::FilterRequest{});
               document["forecast"] = forecast.ok() ? models::ForecastAccuracyJson(*forecast) : nullptr;
               SendJson(response, 200, document);
             });
}

}  // namespace crm::server
