#include "crm/export/format.h"

#include <array>
#include <cctype>
#include <string>

namespace crm::exports {

namespace {

//! One format's names.
struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view content_type;
};

constexpr std::array<FormatInfo, 4> kFormats = {{
    {Format::kCsv, "csv", "text/csv; charset=utf-8"},
    {Format::kXlsx, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {Format::kJson, "json", "application/json; charset=utf-8"},
    {Format::kMarkdown, "md", "text/markdown; charset=utf-8"},
}};

const FormatInfo& Info(Format format) { return kFormats[static_cast<size_t>(format)]; }

}  // namespace

std::optional<Format> FormatFromName(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const FormatInfo& info : kFormats) {
    if (info.name == lower) return info.format;
  }
  return std::nullopt;
}

std::optional<Format> FormatFromPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return std::nullopt;
  return FormatFromName(path.substr(dot + 1));
}

std::string_view FormatName(Format format) { return Info(format).name; }

std::string_view ContentType(Format format) { return Info(format).content_type; }

std::string_view FormatList() { return "csv, xlsx, json, md"; }

}  // namespace crm::exports
