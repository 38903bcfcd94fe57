#pragma once
// A Document as CSV (RFC 4180: fields quoted when they hold a comma, quote, CR or LF; CRLF row ends),
// UTF-8 with a byte order mark so that spreadsheets read it as UTF-8.
//
// One table gives a plain CSV file: a header row, then the rows. Several tables are written one after
// the other, each preceded by a row holding only its name and separated by an empty line. The Markdown
// text is not written (CSV holds tables). Numbers are written as numbers (shortest form that reads back
// exactly), missing cells as empty fields, text neutralised against formula injection.

#include <string>

#include "crm/common/result.h"
#include "crm/export/document.h"

namespace crm::exports {

//! The CSV bytes of the document's tables; an Error when it has no table.
Result<std::string> CsvBytes(const Document& document);

}  // namespace crm::exports
