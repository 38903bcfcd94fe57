#pragma once
// The API's routes in one list: registered on the HTTP server, described by the OpenAPI document, and
// used to tell a wrong method (405) from an unknown path (404).

#include <httplib.h>

#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace crm::server {

//! One route: its method, path pattern, and how the OpenAPI document describes it.
struct Route {
  std::string method;              //!< "GET", "POST" or "DELETE"
  std::string pattern;             //!< the regular expression httplib matches against the path
  std::string openapi_path;        //!< "/api/v1/accounts/{name}/summary"
  std::string summary;             //!< one line for the OpenAPI document
  std::vector<std::string> query;  //!< query parameters it reads
};

//! The routes of the API, added to one httplib server.
class RouteTable {
 public:
  explicit RouteTable(httplib::Server& server) : server_(&server) {}

  //! Registers `route` with its handler.
  void Add(Route route, httplib::Server::Handler handler);
  //! Answers every other request: 405 with Allow when a route has the path under another method, else 404.
  void AddFallbacks();
  //! The OpenAPI 3 document listing every route.
  nlohmann::json OpenApi() const;

 private:
  httplib::Server* server_;
  std::vector<Route> routes_;
  std::vector<std::regex> patterns_;
};

}  // namespace crm::server
