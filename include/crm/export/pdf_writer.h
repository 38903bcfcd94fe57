#pragma once
// A Report as PDF (libharu): A4 pages, the base fonts Helvetica and Helvetica-Bold in WinAnsiEncoding
// (text transcoded, what cannot be shown becomes '?'), charts drawn as vector graphics, a footer with the
// title and page number, pages added as the content needs, content compressed.

#include <string>

#include "crm/common/result.h"
#include "crm/export/report.h"

namespace crm::exports {

//! The PDF bytes of the report; an Error when the PDF library fails.
Result<std::string> PdfBytes(const Report& report);

}  // namespace crm::exports
