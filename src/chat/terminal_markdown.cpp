// Renders chat markdown for a terminal: inline emphasis and escapes, then tables as aligned columns.
#include "crm/chat/terminal_markdown.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace crm::chat {

namespace {

constexpr std::string_view kBoldOn = "\x1b[1m";
constexpr std::string_view kBoldOff = "\x1b[22m";
constexpr std::string_view kItalicOn = "\x1b[3m";
constexpr std::string_view kItalicOff = "\x1b[23m";
//! A column is never cut narrower than this many characters.
constexpr size_t kMinColumnWidth = 8;
//! Spaces between table columns.
constexpr size_t kColumnGap = 2;

using Row = std::vector<std::string>;

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

//! The characters (UTF-8 code points) `text` shows.
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

//! `text` cut to `width` characters, its last one "…" when cut.
std::string Fit(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width) return text;
  size_t shown = 0;
  size_t at = 0;
  for (; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) continue;
    if (shown == width - 1) break;
    ++shown;
  }
  return text.substr(0, at) + "…";
}

//! Where the link "[text](url)" that opens at `open` ends (its ")"), or npos when none does.
size_t LinkEnd(std::string_view line, size_t open) {
  const size_t middle = line.find("](", open);
  return middle == std::string_view::npos ? std::string_view::npos : line.find(')', middle + 2);
}

//! One line of markdown text without its markup: escapes, `**bold**`, `_italics_`, `code` and links.
std::string RenderInline(std::string_view line, bool color) {
  std::string out;
  bool bold = false;
  bool italic = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const char next = i + 1 < line.size() ? line[i + 1] : '\0';
    if (c == '\\' && std::ispunct(static_cast<unsigned char>(next))) {
      out += next;
      ++i;
    } else if (c == '*' && next == '*') {
      bold = !bold;
      if (color) out += bold ? kBoldOn : kBoldOff;
      ++i;
    } else if (c == '_' && (italic ? !IsWordChar(next) : (i == 0 || !IsWordChar(line[i - 1])))) {
      italic = !italic;
      if (color) out += italic ? kItalicOn : kItalicOff;
    } else if (c == '`') {
      continue;
    } else if (const size_t end = c == '[' ? LinkEnd(line, i) : std::string_view::npos;
               end != std::string_view::npos) {
      const size_t middle = line.find("](", i);
      out += RenderInline(line.substr(i + 1, middle - i - 1), color) + " (" +
             std::string(line.substr(middle + 2, end - middle - 2)) + ")";
      i = end;
    } else {
      out += c;
    }
  }
  if (color && bold) out += kBoldOff;
  if (color && italic) out += kItalicOff;
  return out;
}

//! The cells of a table line "| a | b \| c |", unescaped.
Row TableCells(std::string_view line) {
  Row cells;
  std::string cell;
  bool started = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      cell += line.substr(i, 2);
      ++i;
    } else if (line[i] == '|') {
      if (started) cells.push_back(RenderInline(cell, false));
      started = true;
      cell.clear();
    } else {
      cell += line[i];
    }
  }
  if (started && cell.find_first_not_of(" \t\r") != std::string::npos)
    cells.push_back(RenderInline(cell, false));
  for (std::string& text : cells) {
    const size_t first = text.find_first_not_of(' ');
    text = first == std::string::npos ? "" : text.substr(first, text.find_last_not_of(' ') - first + 1);
  }
  return cells;
}

//! Whether `cells` is the rule under a table's header: "---", ":---:".
bool IsRule(const Row& cells) {
  return !cells.empty() && std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
    return !cell.empty() && cell.find_first_not_of(":-") == std::string::npos;
  });
}

//! Whether `cell` shows a number: "1,234", "$5", "63.2%".
bool IsNumeric(const std::string& cell) {
  return cell.find_first_of("0123456789") != std::string::npos &&
         cell.find_first_not_of("0123456789.,%$-+ ") == std::string::npos;
}

//! Whether each column holds numbers (right-aligned): every body cell is a number or "-" (missing), and
//! one at least is a number.
std::vector<bool> NumericColumns(const std::vector<Row>& rows, size_t columns) {
  std::vector<bool> numeric(columns, false);
  for (size_t c = 0; c < columns; ++c) {
    bool any = false;
    bool all = true;
    for (size_t r = 1; r < rows.size(); ++r) {
      const std::string& cell = c < rows[r].size() ? rows[r][c] : "";
      any = any || IsNumeric(cell);
      all = all && (IsNumeric(cell) || cell == "-" || cell.empty());
    }
    numeric[c] = any && all;
  }
  return numeric;
}

//! Column widths that fit `limit` (0: no limit): the widest column gives way first.
std::vector<size_t> ColumnWidths(const std::vector<Row>& rows, size_t limit) {
  std::vector<size_t> widths;
  for (const Row& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  if (limit == 0 || widths.empty()) return widths;
  auto total = [&widths] {
    size_t sum = kColumnGap * (widths.size() - 1);
    for (const size_t width : widths) sum += width;
    return sum;
  };
  while (total() > limit) {
    const auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= kMinColumnWidth) break;
    *widest -= std::min(*widest - kMinColumnWidth, total() - limit);
  }
  return widths;
}

//! A markdown table as aligned columns, the header bold when `style.color`.
std::string RenderTable(const std::vector<std::string_view>& lines, const TerminalStyle& style) {
  std::vector<Row> rows;
  for (const std::string_view line : lines) {
    Row cells = TableCells(line);
    if (!IsRule(cells)) rows.push_back(std::move(cells));
  }
  const std::vector<size_t> widths = ColumnWidths(rows, style.width);
  const std::vector<bool> numeric = NumericColumns(rows, widths.size());
  std::string out;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t c = 0; c < widths.size(); ++c) {
      const std::string cell = Fit(c < rows[r].size() ? rows[r][c] : "", widths[c]);
      const std::string pad(widths[c] - DisplayWidth(cell), ' ');
      if (c > 0) line += std::string(kColumnGap, ' ');
      line += r > 0 && numeric[c] ? pad + cell : cell + (c + 1 < widths.size() ? pad : "");
    }
    const bool header = r == 0 && style.color;
    out += header ? std::string(kBoldOn) + line + std::string(kBoldOff) + "\n" : line + "\n";
  }
  return out;
}

//! A heading "## Title" without its hashes, or empty when `line` is none.
std::string_view HeadingText(std::string_view line) {
  const size_t hashes = line.find_first_not_of('#');
  if (hashes == 0 || hashes == std::string_view::npos || hashes > 6 || line[hashes] != ' ') return {};
  return line.substr(hashes + 1);
}

}  // namespace

TerminalStyle StdoutTerminalStyle() {
  TerminalStyle style;
  if (isatty(STDOUT_FILENO) == 0) return style;
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) style.width = size.ws_col;
  style.color = std::getenv("NO_COLOR") == nullptr;
  return style;
}

std::string TerminalMarkdown(std::string_view markdown, const TerminalStyle& style) {
  std::vector<std::string_view> lines;
  for (size_t at = 0; at <= markdown.size();) {
    const size_t end = std::min(markdown.find('\n', at), markdown.size());
    std::string_view line = markdown.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (end < markdown.size() || !line.empty()) lines.push_back(line);
    at = end + 1;
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].starts_with('|')) {
      std::vector<std::string_view> table;
      while (i < lines.size() && lines[i].starts_with('|')) table.push_back(lines[i++]);
      --i;
      out += RenderTable(table, style);
      continue;
    }
    const std::string_view heading = HeadingText(lines[i]);
    const std::string text = RenderInline(heading.empty() ? lines[i] : heading, style.color);
    out += heading.empty() || !style.color ? text : std::string(kBoldOn) + text + std::string(kBoldOff);
    out += '\n';
  }
  return out;
}

}  // namespace crm::chat
