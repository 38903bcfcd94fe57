#include "table_lookup.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace crm::analytics::test {

const Table& TableNamed(const Insight& insight, const std::string& name) {
  static const Table empty;
  const Table* table = insight.FindTable(name);
  EXPECT_NE(table, nullptr) << "no table " << name;
  return table ? *table : empty;
}

Cell CellAt(const Table& table, size_t row, const std::string& column) {
  const auto found = std::find(table.columns.begin(), table.columns.end(), column);
  EXPECT_NE(found, table.columns.end()) << "no column " << column << " in " << table.name;
  EXPECT_LT(row, table.rows.size()) << "no row " << row << " in " << table.name;
  const auto index = static_cast<size_t>(found - table.columns.begin());
  if (found == table.columns.end() || row >= table.rows.size() || index >= table.rows[row].size())
    return nullptr;
  return table.rows[row][index];
}

double NumberAt(const Table& table, size_t row, const std::string& column) {
  return CellNumber(CellAt(table, row, column));
}

std::string TextAt(const Table& table, size_t row, const std::string& column) {
  const Cell cell = CellAt(table, row, column);
  const auto* text = std::get_if<std::string>(&cell);
  return text ? *text : "";
}

std::string MetricText(const Insight& insight, const std::string& name) {
  const Cell* cell = insight.FindMetric(name);
  EXPECT_NE(cell, nullptr) << "no metric " << name;
  const auto* text = cell ? std::get_if<std::string>(cell) : nullptr;
  return text ? *text : "";
}

bool MetricIsNull(const Insight& insight, const std::string& name) {
  const Cell* cell = insight.FindMetric(name);
  EXPECT_NE(cell, nullptr) << "no metric " << name;
  return cell && std::holds_alternative<std::nullptr_t>(*cell);
}

}  // namespace crm::analytics::test
