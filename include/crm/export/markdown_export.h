#pragma once
// A Document as Markdown: the title as a heading, the answer's Markdown as it is, then each table under
// its name as a pipe table. Cells are formatted for reading (rates as percentages, thousands separated,
// as in the terminal); missing cells stay empty; '|' and '\' are escaped and line breaks become spaces.

#include <string>
#include <string_view>

#include "crm/export/document.h"

namespace crm::exports {

//! The text of one pipe-table cell: backslash and pipe escaped, line breaks as spaces.
std::string MarkdownCell(std::string_view text);
//! The whole document as Markdown.
std::string MarkdownText(const Document& document);

}  // namespace crm::exports
