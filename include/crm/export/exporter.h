#pragma once
// One entry point for every table format: a Document in the format asked for, and the file it goes to.

#include <string>
#include <string_view>

#include "crm/common/result.h"
#include "crm/export/document.h"
#include "crm/export/format.h"

namespace crm::exports {

//! The bytes of `document` in `format`; an Error when the format cannot hold it (CSV without a table).
Result<std::string> ExportBytes(const Document& document, Format format);
//! Writes exported bytes to the file at `path` (created or replaced); the Error names the file.
Status WriteExportFile(const std::string& path, std::string_view bytes);

}  // namespace crm::exports
