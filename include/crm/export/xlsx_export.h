#pragma once
// A Document as an XLSX workbook (libxlsxwriter): one sheet per table, named after it, with a bold
// frozen header row; numbers as numeric cells, text as strings neutralised against formula injection,
// missing cells left empty. A non-empty Markdown text comes first, one line per row of a sheet "Answer".

#include <string>

#include "crm/common/result.h"
#include "crm/export/document.h"

namespace crm::exports {

//! The XLSX bytes of the document; an Error when it has neither table nor text, when a table is larger
//! than a sheet allows, or when the temporary file cannot be written.
Result<std::string> XlsxBytes(const Document& document);

}  // namespace crm::exports
