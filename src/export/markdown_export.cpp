#include "crm/export/markdown_export.h"

#include "crm/common/utf8.h"

namespace crm::exports {

namespace {

//! One line of text: line breaks as spaces.
std::string OneLine(std::string_view text) {
  std::string line = ToValidUtf8(text);
  for (char& c : line) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return line;
}

void AppendRow(std::string& out, const std::vector<std::string>& cells) {
  out += '|';
  for (const std::string& cell : cells) out += " " + MarkdownCell(cell) + " |";
  out += '\n';
}

void AppendTable(std::string& out, const analytics::Table& table) {
  out += "\n## " + OneLine(table.name) + "\n\n";
  if (table.columns.empty()) return;
  AppendRow(out, table.columns);
  out += '|';
  for (size_t c = 0; c < table.columns.size(); ++c) out += " --- |";
  out += '\n';
  for (const auto& row : table.rows) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      const bool missing = c >= row.size() || std::holds_alternative<std::nullptr_t>(row[c]);
      cells.push_back(missing ? std::string() : analytics::FormatCell(row[c], table.columns[c]));
    }
    AppendRow(out, cells);
  }
}

}  // namespace

std::string MarkdownCell(std::string_view text) {
  std::string cell;
  for (const char c : OneLine(text)) {
    if (c == '|' || c == '\\') cell += '\\';
    cell += c;
  }
  return cell;
}

std::string MarkdownText(const Document& document) {
  std::string out;
  if (!document.title.empty()) out += "# " + OneLine(document.title) + "\n";
  if (!document.markdown.empty()) {
    out += "\n" + ToValidUtf8(document.markdown);
    if (out.back() != '\n') out += '\n';
  }
  for (const analytics::Table& table : document.tables) AppendTable(out, table);
  if (!out.empty() && out.front() == '\n') out.erase(0, 1);
  return out;
}

}  // namespace crm::exports
