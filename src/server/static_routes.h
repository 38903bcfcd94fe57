#pragma once
// The web UI's routes: GET / and GET /<asset> outside /api/, from the embedded files or a folder.

#include <httplib.h>

#include <string>

namespace crm::server {

//! Serves the web UI on `server`: embedded, or from the folder `web_root` when it is not empty. Answers
//! 304 to a matching If-None-Match, 404 to an unknown or unsafe path. Add before the API's fallbacks.
void AddStaticRoutes(httplib::Server& server, const std::string& web_root);

}  // namespace crm::server
