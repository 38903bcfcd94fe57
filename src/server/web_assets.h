#pragma once
// The web UI's files looked up by URL path: the embedded ones, or those of a folder while developing,
// with the content type and ETag to answer with. A path that could leave the assets is never looked up.

#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::server {

//! A file of the web UI ready to send.
struct WebAsset {
  std::string_view content_type;
  std::string bytes;
  std::string etag;  //!< quoted, as in the ETag header
};

//! The asset path of a URL path: "/" is "index.html", else the path without its leading '/'. An Error
//! when a segment is empty, "." or "..", starts with a dot, or holds anything but letters, digits, '-',
//! '_' and '.' (so no encoded dots, backslashes or control bytes survive).
Result<std::string> AssetPath(std::string_view url_path);
//! The Content-Type of a file by its extension (application/octet-stream when unknown).
std::string_view ContentTypeOf(std::string_view path);
//! A strong ETag of `bytes`: a 64-bit FNV-1a hash in hex, quoted.
std::string EtagOf(std::string_view bytes);
//! True when the If-None-Match header `if_none_match` names `etag` (or is "*").
bool MatchesEtag(std::string_view if_none_match, std::string_view etag);
//! The embedded asset at `path` (an AssetPath), or nullptr.
const WebAsset* FindEmbeddedAsset(std::string_view path);
//! The asset at `path` (an AssetPath) in the folder `root`, else the embedded vendor/ file (the npm
//! builds live in web/node_modules, not web/vendor); an Error when there is neither or the file resolves
//! outside `root`.
Result<WebAsset> ReadAsset(const std::string& root, const std::string& path);

}  // namespace crm::server
