#pragma once
// What every response of the server shares: security headers, request limits, timeouts, workers, and
// errors as JSON that never carry internal text.

#include <httplib.h>

#include "crm/server/server.h"

namespace crm::server {

//! Applies the options' limits and the shared behaviour to `server`, before any route is added.
void Harden(httplib::Server& server, const ServerOptions& options);

}  // namespace crm::server
