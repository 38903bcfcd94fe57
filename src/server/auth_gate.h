#pragma once
// The check in front of every /api request: who sent it (401), its CSRF token (403), its rate (429).

#include <httplib.h>

#include "api.h"

namespace crm::server {

//! Answers a request that may not reach its route; Unhandled for one that may (every path outside /api/,
//! GET health and openapi.json, POST session, and requests by an identified caller within their rate
//! whose state-changing cookie requests carry the session's X-CSRF-Token).
httplib::Server::HandlerResponse GuardRequest(const Api& api, const httplib::Request& request,
                                              httplib::Response& response);

}  // namespace crm::server
