#pragma once
// What an export holds: a title, an optional Markdown text (a chat answer) and tables of cells, as the
// CSV, XLSX, JSON and Markdown writers read it.

#include <string>
#include <vector>

#include "crm/analytics/insight.h"

namespace crm::exports {

//! A document to export: a chat answer with its tables, or an insight's tables.
struct Document {
  std::string title;                     //!< names the download; the heading of the Markdown
  std::string markdown;                  //!< the answer's text, empty for tables alone
  std::vector<analytics::Table> tables;  //!< missing cells are std::nullptr_t and stay empty
};

}  // namespace crm::exports
