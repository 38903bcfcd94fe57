#include "route_table.h"

#include <cctype>

#include "http_json.h"

namespace crm::server {

namespace {

//! "get" for "GET".
std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

//! The names between braces of an OpenAPI path.
std::vector<std::string> PathParameters(const std::string& path) {
  std::vector<std::string> names;
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
    names.push_back(path.substr(open + 1, path.find('}', open) - open - 1));
  }
  return names;
}

}  // namespace

void RouteTable::Add(Route route, httplib::Server::Handler handler) {
  if (route.method == "GET") {
    server_->Get(route.pattern, std::move(handler));
  } else if (route.method == "DELETE") {
    server_->Delete(route.pattern, std::move(handler));
  } else {
    server_->Post(route.pattern, std::move(handler));
  }
  patterns_.emplace_back(route.pattern);
  routes_.push_back(std::move(route));
}

void RouteTable::AddFallbacks() {
  const httplib::Server::Handler fallback = [this](const httplib::Request& request,
                                                   httplib::Response& response) {
    std::string allow;
    for (size_t i = 0; i < routes_.size(); ++i) {
      if (std::regex_match(request.path, patterns_[i])) {
        allow += (allow.empty() ? "" : ", ") + routes_[i].method;
      }
    }
    if (allow.empty()) {
      SendError(response, 404, "no such route: see /api/v1/openapi.json");
      return;
    }
    response.set_header("Allow", allow);
    SendError(response, 405, "method not allowed; allowed: " + allow);
  };
  server_->Get(".*", fallback);
  server_->Post(".*", fallback);
  server_->Put(".*", fallback);
  server_->Patch(".*", fallback);
  server_->Delete(".*", fallback);
  server_->Options(".*", fallback);
}

nlohmann::json RouteTable::OpenApi() const {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : routes_) {
    nlohmann::json parameters = nlohmann::json::array();
    for (const std::string& name : PathParameters(route.openapi_path)) {
      parameters.push_back(
          {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
    for (const std::string& name : route.query) {
      parameters.push_back(
          {{"name", name}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
    }
    nlohmann::json operation = {
        {"summary", route.summary},
        {"parameters", parameters},
        {"responses",
         {{"200",
           {{"description", "success"}, {"content", {{"application/json", nlohmann::json::object()}}}}},
          {"400", {{"description", "bad request: {\"error\": message}"}}},
          {"404", {{"description", "not found: {\"error\": message}"}}}}}};
    if (route.method == "POST") {
      operation["requestBody"] = {{"required", true},
                                  {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
    }
    paths[route.openapi_path][Lower(route.method)] = operation;
  }
  return {
      {"openapi", "3.0.3"}, {"info", {{"title", "crm-assistant API"}, {"version", "1"}}}, {"paths", paths}};
}

}  // namespace crm::server
