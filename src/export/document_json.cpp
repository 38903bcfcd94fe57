#include "crm/export/document_json.h"

#include <limits>

#include "crm/analytics/table_views.h"

namespace crm::exports {

namespace {

using nlohmann::json;

//! The text member `key` of `object` (empty when absent or null), at most `max_bytes` long.
Result<std::string> TextMember(const json& object, const std::string& key, const std::string& where,
                               size_t max_bytes) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return std::string();
  if (!found->is_string()) return Error{where + key + " must be text"};
  const std::string& text = found->get_ref<const std::string&>();
  if (text.size() > max_bytes) {
    return Error{where + key + " is longer than " + std::to_string(max_bytes) + " bytes"};
  }
  return text;
}

//! One cell: null, a number or text.
Result<analytics::Cell> CellFromJson(const json& value, const std::string& where) {
  if (value.is_null()) return analytics::Cell(nullptr);
  if (value.is_number_integer() &&
      (value.is_number_unsigned() ? value.get<uint64_t>() <= std::numeric_limits<int64_t>::max() : true)) {
    return analytics::Cell(value.get<int64_t>());
  }
  if (value.is_number()) return analytics::Cell(value.get<double>());
  if (value.is_string()) {
    if (value.get_ref<const std::string&>().size() > kMaxCellBytes) {
      return Error{where + " is longer than " + std::to_string(kMaxCellBytes) + " bytes"};
    }
    return analytics::Cell(value.get<std::string>());
  }
  return Error{where + " must be a number, text or null"};
}

Result<std::vector<std::string>> ColumnsFromJson(const json& table, const std::string& where) {
  const auto found = table.find("columns");
  if (found == table.end() || !found->is_array() || found->empty()) {
    return Error{where + "columns must be a non-empty array of names"};
  }
  if (found->size() > kMaxColumns) {
    return Error{where + "columns has more than " + std::to_string(kMaxColumns) + " names"};
  }
  std::vector<std::string> columns;
  for (const json& name : *found) {
    if (!name.is_string() || name.get_ref<const std::string&>().size() > kMaxNameBytes) {
      return Error{where + "columns must be names of at most " + std::to_string(kMaxNameBytes) + " bytes"};
    }
    columns.push_back(name.get<std::string>());
  }
  return columns;
}

//! One table; `rows_left` is how many rows all tables may still have.
Result<analytics::Table> TableFromJson(const json& value, const std::string& where, size_t& rows_left) {
  if (!value.is_object()) return Error{where + " must be an object with name, columns and rows"};
  analytics::Table table;
  auto name = TextMember(value, "name", where + ".", kMaxNameBytes);
  if (!name.ok()) return name.error();
  table.name = std::move(name).value();
  auto columns = ColumnsFromJson(value, where + ".");
  if (!columns.ok()) return columns.error();
  table.columns = std::move(columns).value();
  const auto rows = value.find("rows");
  if (rows == value.end() || !rows->is_array()) return Error{where + ".rows must be an array of rows"};
  if (rows->size() > rows_left) {
    return Error{"the tables have more than " + std::to_string(kMaxRows) + " rows together"};
  }
  rows_left -= rows->size();
  for (size_t r = 0; r < rows->size(); ++r) {
    const json& row = (*rows)[r];
    const std::string row_where = where + ".rows[" + std::to_string(r) + "]";
    if (!row.is_array() || row.size() != table.columns.size()) {
      return Error{row_where + " must be an array of " + std::to_string(table.columns.size()) +
                   " cells, one per column"};
    }
    std::vector<analytics::Cell> cells;
    cells.reserve(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
      auto cell = CellFromJson(row[c], row_where + "[" + std::to_string(c) + "]");
      if (!cell.ok()) return cell.error();
      cells.push_back(std::move(cell).value());
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

}  // namespace

nlohmann::json DocumentJson(const Document& document) {
  json tables = json::array();
  for (const analytics::Table& table : document.tables) tables.push_back(analytics::TableJson(table));
  return {{"title", document.title}, {"markdown", document.markdown}, {"tables", std::move(tables)}};
}

Result<Document> DocumentFromJson(const nlohmann::json& body) {
  if (!body.is_object()) return Error{"the document must be a JSON object"};
  Document document;
  auto title = TextMember(body, "title", "", kMaxTitleBytes);
  if (!title.ok()) return title.error();
  document.title = std::move(title).value();
  auto markdown = TextMember(body, "markdown", "", kMaxMarkdownBytes);
  if (!markdown.ok()) return markdown.error();
  document.markdown = std::move(markdown).value();
  const auto tables = body.find("tables");
  if (tables == body.end() || tables->is_null()) return document;
  if (!tables->is_array()) return Error{"tables must be an array"};
  if (tables->size() > kMaxTables) {
    return Error{"tables has more than " + std::to_string(kMaxTables) + " tables"};
  }
  size_t rows_left = kMaxRows;
  for (size_t t = 0; t < tables->size(); ++t) {
    auto table = TableFromJson((*tables)[t], "tables[" + std::to_string(t) + "]", rows_left);
    if (!table.ok()) return table.error();
    document.tables.push_back(std::move(table).value());
  }
  return document;
}

}  // namespace crm::exports
