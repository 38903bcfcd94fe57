#pragma once
// The export formats: their names, file extensions and HTTP content types.

#include <optional>
#include <string_view>

namespace crm::exports {

//! A format a Document can be exported as.
enum class Format { kCsv, kXlsx, kJson, kMarkdown };

//! The format named "csv", "xlsx", "json" or "md" (case-insensitive), or nullopt.
std::optional<Format> FormatFromName(std::string_view name);
//! The format of a file name's extension (.csv, .xlsx, .json, .md; case-insensitive), or nullopt.
std::optional<Format> FormatFromPath(std::string_view path);
//! "csv", "xlsx", "json" or "md": the format's name and file extension.
std::string_view FormatName(Format format);
//! The Content-Type of an answer in this format.
std::string_view ContentType(Format format);
//! "csv, xlsx, json, md", for error messages.
std::string_view FormatList();

}  // namespace crm::exports
