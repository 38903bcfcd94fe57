#pragma once
// Markdown for chat answers: escaped text from the data and tables cut to a few rows.

#include <string>
#include <string_view>
#include <vector>

#include "crm/analytics/insight.h"

namespace crm::chat {

//! Text from the data made inert in markdown: characters that start emphasis, links, tables, code or
//! HTML are backslash-escaped, line breaks become spaces.
std::string EscapeMarkdown(std::string_view text);

//! `table` as a markdown table of those of `columns` it has (all when it has none) and its first `max_rows`
//! rows; cells formatted like the terminal's (percentages, thousands separators), text escaped.
std::string MarkdownTable(const analytics::Table& table, const std::vector<std::string>& columns,
                          size_t max_rows);

}  // namespace crm::chat
