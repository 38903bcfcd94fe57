#include "auth_gate.h"

#include <cstdio>
#include <string>

#include "crm/auth/secrets.h"
#include "hardening.h"

namespace crm::server {

namespace {

//! True for the requests anybody may send: health, the OpenAPI document and signing in.
bool IsPublic(const httplib::Request& request) {
  if (request.method == "GET")
    return request.path == "/api/v1/health" || request.path == "/api/v1/openapi.json";
  return request.method == "POST" && request.path == "/api/v1/session";
}

//! True for the methods that change state, which a cookie may only send with the CSRF token.
bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

httplib::Server::HandlerResponse GuardRequest(const Api& api, const httplib::Request& request,
                                              httplib::Response& response) {
  if (request.path.rfind("/api/", 0) != 0 || IsPublic(request))
    return httplib::Server::HandlerResponse::Unhandled;
  auto identity = api.IdentityOf(request);
  if (!identity.ok()) {
    std::fprintf(stderr, "error: users: %s\n", identity.error().message.c_str());
    return Refuse(response, 500, "the user store could not be read");
  }
  if (!*identity) {
    response.set_header("WWW-Authenticate", "Bearer");
    return Refuse(response, 401, "sign in first (POST /api/v1/session) or send Authorization: Bearer TOKEN");
  }
  if ((*identity)->proof == auth::Proof::kSession && ChangesState(request.method) &&
      !auth::SecretsEqual(request.get_header_value("X-CSRF-Token"), (*identity)->csrf_token)) {
    return Refuse(response, 403,
                  "missing or wrong X-CSRF-Token header: read the token from GET /api/v1/session");
  }
  if (!(*identity)->caller.local_admin) {
    if (const int wait = api.rate_limiter->Acquire((*identity)->caller.user); wait > 0) {
      response.set_header("Retry-After", std::to_string(wait));
      return Refuse(response, 429, "too many requests: try again in " + std::to_string(wait) + " s");
    }
  }
  return httplib::Server::HandlerResponse::Unhandled;
}

}  // namespace crm::server
