#pragma once
// The web UI's files as compiled into the program: defined by the source cmake/embed_web.cmake generates.

#include <string_view>
#include <vector>

namespace crm::server {

//! One embedded file: its URL path without the leading '/' and its bytes (static storage).
struct EmbeddedFile {
  std::string_view path;  //!< "index.html", "js/app.js", "vendor/chart.umd.js"
  std::string_view bytes;
};

//! Every embedded file of the web UI, in no particular order.
const std::vector<EmbeddedFile>& EmbeddedFiles();

}  // namespace crm::server
