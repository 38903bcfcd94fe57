#include "web_assets.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "embedded_files.h"

namespace crm::server {

namespace {

//! True for the bytes an asset path segment may hold.
bool IsSafeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

//! The embedded files with their content types and ETags, by path.
const std::unordered_map<std::string_view, WebAsset>& EmbeddedAssets() {
  static const auto* assets = [] {
    auto* map = new std::unordered_map<std::string_view, WebAsset>();
    for (const EmbeddedFile& file : EmbeddedFiles()) {
      map->emplace(file.path,
                   WebAsset{ContentTypeOf(file.path), std::string(file.bytes), EtagOf(file.bytes)});
    }
    return map;
  }();
  return *assets;
}

}  // namespace

Result<std::string> AssetPath(std::string_view url_path) {
  if (url_path == "/") return std::string("index.html");
  if (url_path.empty() || url_path.front() != '/') return Error{"an asset path starts with '/'"};
  const std::string_view path = url_path.substr(1);
  size_t start = 0;
  while (start <= path.size()) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view segment = path.substr(start, end - start);
    if (segment.empty() || segment.front() == '.') return Error{"invalid asset path"};
    for (const char c : segment) {
      if (!IsSafeChar(c)) return Error{"invalid asset path"};
    }
    start = end + 1;
  }
  return std::string(path);
}

std::string_view ContentTypeOf(std::string_view path) {
  static const std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
  };
  for (const auto& [extension, type] : kTypes) {
    if (path.ends_with(extension)) return type;
  }
  return "application/octet-stream";
}

std::string EtagOf(std::string_view bytes) {
  uint64_t hash = 14695981039346656037ull;
  for (const unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  static const char kHex[] = "0123456789abcdef";
  std::string etag = "\"";
  for (int shift = 60; shift >= 0; shift -= 4) etag += kHex[(hash >> shift) & 15];
  return etag + "\"";
}

bool MatchesEtag(std::string_view if_none_match, std::string_view etag) {
  size_t start = 0;
  while (start < if_none_match.size()) {
    const size_t end = std::min(if_none_match.find(',', start), if_none_match.size());
    std::string_view tag = if_none_match.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    start = end + 1;
  }
  return false;
}

const WebAsset* FindEmbeddedAsset(std::string_view path) {
  const auto& assets = EmbeddedAssets();
  const auto found = assets.find(path);
  return found == assets.end() ? nullptr : &found->second;
}

Result<WebAsset> ReadAsset(const std::string& root, const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path base = fs::canonical(root, error);
  const fs::path file = error ? fs::path() : fs::canonical(base / path, error);
  if (error || !fs::is_regular_file(file, error)) {
    const WebAsset* vendored = path.starts_with("vendor/") ? FindEmbeddedAsset(path) : nullptr;
    if (vendored != nullptr) return *vendored;
    return Error{"no such file"};
  }
  if (std::mismatch(base.begin(), base.end(), file.begin(), file.end()).first != base.end()) {
    return Error{"no such file"};
  }
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open()) return Error{"cannot read the file"};
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::string text = std::move(bytes).str();
  std::string etag = EtagOf(text);
  return WebAsset{ContentTypeOf(path), std::move(text), std::move(etag)};
}

}  // namespace crm::server
