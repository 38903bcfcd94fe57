#pragma once
// Tables on PDF pages: columns sized to their contents within the page, long cells wrapped, numbers
// right-aligned, the header repeated on every page the table runs over.

#include "crm/analytics/insight.h"
#include "pdf_canvas.h"

namespace crm::exports {

//! Draws `table` from the cursor down, adding pages as needed; cells formatted by analytics::FormatCell,
//! missing cells empty.
void DrawTable(PdfCanvas& canvas, const analytics::Table& table);

}  // namespace crm::exports
