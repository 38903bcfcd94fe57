#pragma once
// What the route handlers share, and the functions that add each group of routes.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "chat_thread_log.h"
#include "crm/access/workspaces.h"
#include "crm/auth/authenticator.h"
#include "crm/auth/rate_limiter.h"
#include "crm/server/server_state.h"
#include "insight_cache.h"
#include "route_table.h"
#include "stream_limit.h"
#include "work_slots.h"

namespace crm::server {

//! The state and services behind the handlers; lives as long as the server.
struct Api {
  const ServerState* state;
  access::Workspaces workspaces;
  ChatThreadLog threads;
  InsightCache insights;
  std::unique_ptr<auth::Authenticator> auth;        //!< users, sessions, tokens, audit log (set by Bind)
  std::unique_ptr<auth::RateLimiter> rate_limiter;  //!< requests per user

  //! Who sent `request` and how (session cookie, Bearer token or local admin); nullopt when nobody
  //! proved who they are; an Error when the store fails. Cheap: cached in memory.
  Result<std::optional<auth::Identity>> IdentityOf(const httplib::Request& request) const;
  //! The caller of `request`; an Error when nobody proved who they are (on /api/v1 routes other than
  //! health, openapi.json and POST session, the gate already answered 401 then).
  Result<auth::Caller> CallerOf(const httplib::Request& request) const;
  //! Appends `action` by `caller` with `detail` to the audit log; a store failure is logged on stderr.
  void Audit(const auth::Caller& caller, std::string_view action, const nlohmann::json& detail) const;
  WorkSlots* compute = nullptr;    //!< caps the chat answers computed at once
  StreamLimit* streams = nullptr;  //!< caps the chat answers streaming at once

  //! The workspace of the caller of `request`: what they may see and the services over it. Null after
  //! sending the error when there is none.
  const access::Workspace* WorkspaceFor(const httplib::Request& request, httplib::Response& response);
  //! The caller's workspace and the row there of the account the path names (its first match); nullopt
  //! after sending the error (404 for an account the caller does not see).
  std::optional<std::pair<const access::Workspace*, int32_t>> AccountFor(const httplib::Request& request,
                                                                         httplib::Response& response);
};

//! GET /api/v1/health.
void AddHealthRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/insights/{type} and /api/v1/forecast.
void AddInsightRoutes(RouteTable& routes, Api& api);
//! POST /api/v1/ask, as JSON or as server-sent events.
void AddAskRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/accounts, /api/v1/accounts/{name}/summary and /api/v1/opportunities/{id}.
void AddRecordRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/search and POST /api/v1/email.
void AddSearchAndEmailRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/filters: the values of the insight filters in the data, for the web UI.
void AddFilterRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/insights/{type}/export, POST /api/v1/export and GET /api/v1/accounts/{name}/report.pdf.
void AddExportRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/models.
void AddModelRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/imports and /api/v1/data/profile.
void AddDataRoutes(RouteTable& routes, Api& api);
//! GET /api/v1/accounts/{name}.
void AddAccountRoutes(RouteTable& routes, Api& api);
//! POST, GET and DELETE /api/v1/session (sign in, who am I, sign out) and GET /api/v1/audit.
void AddAuthRoutes(RouteTable& routes, Api& api);

}  // namespace crm::server
