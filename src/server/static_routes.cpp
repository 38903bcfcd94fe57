// GET / and GET /<asset>: the web UI's files with their content type and ETag (revalidated on every use,
// so a new build is picked up at once); never a path outside the assets.
#include "static_routes.h"

#include "http_json.h"
#include "web_assets.h"

namespace crm::server {

namespace {

//! Answers `asset`, or 304 when the client already has it.
void SendAsset(const httplib::Request& request, httplib::Response& response, const WebAsset& asset) {
  response.headers.erase("Cache-Control");
  response.set_header("Cache-Control", "no-cache");
  response.set_header("ETag", asset.etag);
  if (MatchesEtag(request.get_header_value("If-None-Match"), asset.etag)) {
    response.status = 304;
    return;
  }
  response.set_content(asset.bytes, std::string(asset.content_type));
}

}  // namespace

void AddStaticRoutes(httplib::Server& server, const std::string& web_root) {
  server.Get(R"(/(?!api(/|$)).*)", [web_root](const httplib::Request& request, httplib::Response& response) {
    auto path = AssetPath(request.path);
    if (!path.ok()) return SendError(response, 404, "not found");
    if (web_root.empty()) {
      const WebAsset* asset = FindEmbeddedAsset(*path);
      if (asset == nullptr) return SendError(response, 404, "not found");
      return SendAsset(request, response, *asset);
    }
    auto asset = ReadAsset(web_root, *path);
    if (!asset.ok()) return SendError(response, 404, "not found");
    SendAsset(request, response, *asset);
  });
}

}  // namespace crm::server
