// GET /api/v1/insights/{type} and /api/v1/forecast: the JSON of `insight TYPE --json`, filters as query
// parameters named as in FilterRequest.
#include "api.h"
#include "crm/analytics/engine.h"
#include "http_json.h"
#include "insight_query.h"

namespace crm::server {

namespace {

//! Answers the insight `type` for `request`: from the cache without filters, else computed.
void AnswerInsight(Api& api, const std::string& type, const httplib::Request& request,
                   httplib::Response& response) {
  if (!IsInsightType(type)) {
    SendError(response, 400, "unknown insight type '" + type + "'; known: " + TypeList());
    return;
  }
  auto filters = BindFilters(request);
  if (!filters.ok()) return SendError(response, 400, filters.error().message);
  const access::Workspace* workspace = api.WorkspaceFor(request, response);
  if (!workspace) return;
  const bool unfiltered = request.params.empty();
  // Insights weigh deals by the models: answers of models replaced since are not reused.
  const std::string cache_key =
      workspace->scope().Key() + "/" + std::to_string(workspace->generation()) + "/" + type;
  if (unfiltered) {
    if (auto cached = api.insights.Find(cache_key)) return SendJsonText(response, 200, std::move(*cached));
  }
  auto insight = workspace->agents().engine().Run(type, *filters);
  if (!insight.ok()) return SendError(response, 400, insight.error().message);
  std::string text = DumpJson(analytics::InsightJson(*insight));
  if (unfiltered) api.insights.Put(cache_key, text);
  SendJsonText(response, 200, std::move(text));
}

}  // namespace

void AddInsightRoutes(RouteTable& routes, Api& api) {
  routes.Add({"GET", "/api/v1/insights/([^/]+)", "/api/v1/insights/{type}",
              "an insight (" + TypeList() + "); the JSON of `insight TYPE --json`", FilterNames()},
             [&api](const httplib::Request& request, httplib::Response& response) {
               AnswerInsight(api, request.matches[1], request, response);
             });
  routes.Add({"GET", "/api/v1/forecast", "/api/v1/forecast", "the forecast insight", FilterNames()},
             [&api](const httplib::Request& request, httplib::Response& response) {
               AnswerInsight(api, "forecast", request, response);
             });
}

}  // namespace crm::server
