#include "crm/export/xlsx_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "crm/common/utf8.h"
#include "crm/export/formula_guard.h"
#include "crm/export/sheet_names.h"

namespace crm::exports {

namespace {

//! Excel's limits: characters in a cell, rows and columns in a sheet.
constexpr size_t kMaxCellChars = 32767;
constexpr size_t kMaxRows = 1048576;
constexpr size_t kMaxColumns = 16384;
//! Column widths, in characters, and how many rows are measured to choose them.
constexpr size_t kMinWidth = 8, kMaxWidth = 60, kMeasuredRows = 200;

//! A temporary file that is removed when it goes away.
class TempFile {
 public:
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "crm-export-XXXXXX.xlsx").string();
    const int fd = mkstemps(pattern.data(), 5);
    if (fd >= 0) {
      close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  //! The path, empty when the file could not be created.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

//! Text as a cell accepts it: valid UTF-8, neutralised, cut at Excel's limit.
std::string CellString(std::string_view text) {
  std::string cell = NeutralisedCell(ToValidUtf8(text));
  size_t pos = 0;
  for (size_t n = 0; n < kMaxCellChars && pos < cell.size(); ++n) DecodeUtf8(cell, &pos);
  cell.resize(pos);
  return cell;
}

//! Writes one cell; returns the libxlsxwriter status.
lxw_error WriteCell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const analytics::Cell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) {
    return worksheet_write_string(sheet, row, column, CellString(*text).c_str(), nullptr);
  }
  const double value = analytics::CellNumber(cell);
  return std::isfinite(value) ? worksheet_write_number(sheet, row, column, value, nullptr) : LXW_NO_ERROR;
}

//! Widths that fit the header and the first rows, within bounds.
std::vector<double> ColumnWidths(const analytics::Table& table) {
  std::vector<double> widths;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    size_t chars = Utf8Length(table.columns[c]);
    for (size_t r = 0; r < std::min(table.rows.size(), kMeasuredRows); ++r) {
      if (c >= table.rows[r].size()) continue;
      const auto* text = std::get_if<std::string>(&table.rows[r][c]);
      chars = std::max(chars, text ? Utf8Length(*text) : 12);
    }
    widths.push_back(static_cast<double>(std::clamp(chars + 2, kMinWidth, kMaxWidth)));
  }
  return widths;
}

//! Writes a table into a new sheet; false when libxlsxwriter refuses something.
bool WriteTable(lxw_workbook* book, lxw_format* header, const std::string& name,
                const analytics::Table& table) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
  if (!sheet) return false;
  const std::vector<double> widths = ColumnWidths(table);
  for (size_t c = 0; c < widths.size(); ++c) {
    const auto column = static_cast<lxw_col_t>(c);
    worksheet_set_column(sheet, column, column, widths[c], nullptr);
  }
  worksheet_freeze_panes(sheet, 1, 0);
  bool good = true;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    good &= worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), CellString(table.columns[c]).c_str(),
                                   header) == LXW_NO_ERROR;
  }
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    for (size_t c = 0; c < std::min(row.size(), table.columns.size()); ++c) {
      good &=
          WriteCell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), row[c]) == LXW_NO_ERROR;
    }
  }
  return good;
}

//! Writes the answer's lines into a new sheet.
bool WriteText(lxw_workbook* book, const std::string& name, const std::string& markdown) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
  if (!sheet) return false;
  worksheet_set_column(sheet, 0, 0, 100, nullptr);
  std::istringstream lines(markdown);
  std::string line;
  bool good = true;
  for (lxw_row_t row = 0; std::getline(lines, line); ++row) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty())
      good &= worksheet_write_string(sheet, row, 0, CellString(line).c_str(), nullptr) == LXW_NO_ERROR;
  }
  return good;
}

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Error{"cannot read the XLSX file written to " + path};
  return bytes.str();
}

}  // namespace

Result<std::string> XlsxBytes(const Document& document) {
  if (document.tables.empty() && document.markdown.empty()) {
    return Error{"nothing to write as XLSX: the export has no table and no text"};
  }
  for (const analytics::Table& table : document.tables) {
    if (table.rows.size() + 1 > kMaxRows || table.columns.size() > kMaxColumns) {
      return Error{"table '" + table.name + "' is larger than an XLSX sheet allows (" +
                   std::to_string(kMaxRows) + " rows, " + std::to_string(kMaxColumns) + " columns)"};
    }
  }
  const TempFile file;
  if (file.path().empty()) return Error{"cannot create a temporary file for the XLSX export"};
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(file.path().c_str(), &options);
  if (!book) return Error{"cannot start the XLSX workbook"};
  lxw_format* header = workbook_add_format(book);
  format_set_bold(header);
  SheetNames names;
  bool good = document.markdown.empty() || WriteText(book, names.Next("Answer"), document.markdown);
  for (const analytics::Table& table : document.tables) {
    good = good && WriteTable(book, header, names.Next(table.name), table);
  }
  const lxw_error closed = workbook_close(book);
  if (!good || closed != LXW_NO_ERROR) {
    return Error{std::string("cannot write the XLSX workbook: ") +
                 (closed != LXW_NO_ERROR ? lxw_strerror(closed) : "a cell was refused")};
  }
  return ReadAll(file.path());
}

}  // namespace crm::exports
