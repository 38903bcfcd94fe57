// GET /api/v1/insights/{type} and /api/v1/forecast: the JSON of `insight TYPE --json`, filters as query
// parameters named as in FilterRequest.
#include <algorithm>

#include "api.h"
#include "crm/analytics/engine.h"
#include "http_json.h"

namespace crm::server {

namespace {

//! "a, b, c" of the insight types.
std::string TypeList() {
  std::string list;
  for (const std::string& type : analytics::InsightTypes()) list += (list.empty() ? "" : ", ") + type;
  return list;
}

//! The names of FilterRequest's fields, the query parameters of an insight.
std::vector<std::string> FilterNames() {
  analytics::FilterRequest request;
  std::vector<std::string> names;
  for (const auto& [name, target] : request.Fields()) names.emplace_back(name);
  return names;
}

//! Binds the query parameters to a FilterRequest; an Error names an unknown or repeated parameter.
Result<analytics::FilterRequest> BindFilters(const httplib::Request& request) {
  analytics::FilterRequest filters;
  auto fields = filters.Fields();
  for (const auto& [name, value] : request.params) {
    const auto field =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; });
    if (field == fields.end()) {
      std::string known;
      for (const auto& [known_name, target] : fields)
        known += (known.empty() ? "" : ", ") + std::string(known_name);
      return Error{"unknown query parameter '" + name + "'; known: " + known};
    }
    if (request.get_param_value_count(name) > 1) return Error{"query parameter '" + name + "' is repeated"};
    *field->second = value;
  }
  return filters;
}

//! Answers the insight `type` for `request`: from the cache without filters, else computed.
void AnswerInsight(Api& api, const std::string& type, const httplib::Request& request,
                   httplib::Response& response) {
  const auto& types = analytics::InsightTypes();
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    SendError(response, 400, "unknown insight type '" + type + "'; known: " + TypeList());
    return;
  }
  auto filters = BindFilters(request);
  if (!filters.ok()) return SendError(response, 400, filters.error().message);
  const access::Workspace* workspace = api.WorkspaceFor(request, response);
  if (!workspace) return;
  const bool unfiltered = request.params.empty();
  const std::string cache_key = workspace->scope().Key() + "/" + type;
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
