#pragma once
// What every response of the server shares: security headers, request limits, timeouts, workers, and
// errors as JSON that never carry internal text.

#include <httplib.h>

#include <functional>
#include <string>

#include "crm/server/server.h"

namespace crm::server {

//! A check of a request before routing (and before its body is read): Handled when it answered.
using RequestGate =
    std::function<httplib::Server::HandlerResponse(const httplib::Request&, httplib::Response&)>;

//! Applies the options' limits and the shared behaviour to `server`, before any route is added; `gate`
//! checks each request that passes the limits.
void Harden(httplib::Server& server, const ServerOptions& options, RequestGate gate);

//! Refuses a request before its body is read, and closes the connection (its body stays unread).
httplib::Server::HandlerResponse Refuse(httplib::Response& response, int status, const std::string& message);

}  // namespace crm::server
