#pragma once
// A printable report: a title and a sequence of blocks (headings, paragraphs, bullet lists, key figures,
// tables and bar charts), laid out on pages by the PDF writer.

#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "crm/analytics/insight.h"

namespace crm::exports {

//! A section heading.
struct Heading {
  std::string text;
};

//! A paragraph of plain text, wrapped to the page.
struct Paragraph {
  std::string text;
};

//! A bulleted list.
struct Bullets {
  std::vector<std::string> items;
};

//! Label and value pairs, already formatted ("Won revenue", "$1.2M"), laid out in two columns.
struct KeyFigures {
  std::vector<std::pair<std::string, std::string>> items;
};

//! A table; cells are formatted as in the terminal (analytics::FormatCell), missing cells left empty,
//! long cells wrapped. The header is repeated on every page the table runs over.
using TableBlock = analytics::Table;

//! A bar chart of the first series: one bar per label, drawn as vector graphics.
using ChartBlock = analytics::ChartSpec;

//! One block of a report.
using Block = std::variant<Heading, Paragraph, Bullets, KeyFigures, TableBlock, ChartBlock>;

//! A report to print.
struct Report {
  std::string title;     //!< the big title of the first page and the PDF's Title
  std::string subtitle;  //!< one line under the title (the as-of date, …)
  std::vector<Block> blocks;
};

}  // namespace crm::exports
