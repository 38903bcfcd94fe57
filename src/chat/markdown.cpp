#include "crm/chat/markdown.h"

#include <algorithm>

namespace crm::chat {

std::string EscapeMarkdown(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      escaped += ' ';
      continue;
    }
    if (std::string_view("\\`*_{}[]()<>#+|!~").find(c) != std::string_view::npos) escaped += '\\';
    escaped += c;
  }
  return escaped;
}

std::string MarkdownTable(const analytics::Table& table, const std::vector<std::string>& columns,
                          size_t max_rows) {
  std::vector<size_t> picked;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (columns.empty() || std::find(columns.begin(), columns.end(), table.columns[c]) != columns.end())
      picked.push_back(c);
  }
  if (picked.empty()) {
    for (size_t c = 0; c < table.columns.size(); ++c) picked.push_back(c);
  }
  if (picked.empty() || table.rows.empty()) return "";
  std::string header = "|";
  std::string rule = "|";
  for (const size_t c : picked) {
    std::string title = table.columns[c];
    std::replace(title.begin(), title.end(), '_', ' ');
    header += " " + title + " |";
    rule += " --- |";
  }
  std::string text = header + "\n" + rule + "\n";
  const size_t shown = std::min(max_rows, table.rows.size());
  for (size_t r = 0; r < shown; ++r) {
    text += "|";
    for (const size_t c : picked) {
      const analytics::Cell cell = c < table.rows[r].size() ? table.rows[r][c] : analytics::Cell(nullptr);
      text += " " + EscapeMarkdown(analytics::FormatCell(cell, table.columns[c])) + " |";
    }
    text += "\n";
  }
  if (shown < table.rows.size()) {
    const size_t more = table.rows.size() - shown;
    text += "\n_" + std::to_string(more) + (more == 1 ? " more row" : " more rows") + " in the data._\n";
  }
  return text;
}

}  // namespace crm::chat
