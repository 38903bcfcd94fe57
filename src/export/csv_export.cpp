#include "crm/export/csv_export.h"

#include "crm/common/utf8.h"
#include "crm/export/cell_text.h"
#include "crm/export/formula_guard.h"

namespace crm::exports {

namespace {

//! Appends one field, quoted when RFC 4180 requires it.
void AppendField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (const char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

//! Appends a text field: valid UTF-8, neutralised, quoted.
void AppendText(std::string& out, std::string_view text) {
  AppendField(out, NeutralisedCell(ToValidUtf8(text)));
}

//! Appends a cell: a number as a number, text as guarded text, a missing cell as an empty field.
void AppendCell(std::string& out, const analytics::Cell& cell) {
  if (std::holds_alternative<std::string>(cell)) return AppendText(out, std::get<std::string>(cell));
  out += CellText(cell);
}

void AppendTable(std::string& out, const analytics::Table& table) {
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ',';
    AppendText(out, table.columns[c]);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < table.columns.size(); ++c) {
      if (c > 0) out += ',';
      if (c < row.size()) AppendCell(out, row[c]);
    }
    out += "\r\n";
  }
}

}  // namespace

Result<std::string> CsvBytes(const Document& document) {
  if (document.tables.empty()) return Error{"nothing to write as CSV: the export has no table"};
  std::string out = "\xEF\xBB\xBF";
  const bool sections = document.tables.size() > 1;
  for (size_t t = 0; t < document.tables.size(); ++t) {
    if (sections) {
      if (t > 0) out += "\r\n";
      AppendText(out, document.tables[t].name);
      out += "\r\n";
    }
    AppendTable(out, document.tables[t]);
  }
  return out;
}

}  // namespace crm::exports
