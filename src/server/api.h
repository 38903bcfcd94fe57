#pragma once
// What the route handlers share, and the functions that add each group of routes.

#include <memory>
#include <string>

#include "chat_thread_log.h"
#include "crm/access/workspaces.h"
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
  WorkSlots* compute = nullptr;    //!< caps the chat answers computed at once
  StreamLimit* streams = nullptr;  //!< caps the chat answers streaming at once

  //! The workspace of the caller of `request`: what they may see and the services over it. Null after
  //! sending the error when there is none.
  const access::Workspace* WorkspaceFor(const httplib::Request& request, httplib::Response& response);
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

}  // namespace crm::server
