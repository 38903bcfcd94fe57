#include "crm/analytics/insight.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <nlohmann/json.hpp>

#include "crm/analytics/fact_text.h"
#include "crm/analytics/table_views.h"
#include "crm/common/date.h"
#include "crm/common/utf8.h"

namespace crm::analytics {

Cell Number(double value) {
  if (std::isnan(value)) return nullptr;
  return value;
}

double CellNumber(const Cell& cell) {
  if (const auto* integer = std::get_if<int64_t>(&cell)) return static_cast<double>(*integer);
  if (const auto* real = std::get_if<double>(&cell)) return *real;
  return std::numeric_limits<double>::quiet_NaN();
}

const Table* Insight::FindTable(const std::string& name) const {
  for (const Table& table : tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

const Cell* Insight::FindMetric(const std::string& name) const {
  for (const auto& [key, value] : metrics) {
    if (key == name) return &value;
  }
  return nullptr;
}

namespace {

//! True for figures shown as percentages in text (they are fractions 0..1 in JSON).
bool IsFraction(const std::string& name) {
  for (const char* word : {"rate", "probability", "share", "coverage_ratio"}) {
    if (name.find(word) != std::string::npos) return true;
  }
  return false;
}

//! 1234567.8 → "1,234,568"; small numbers keep two decimals.
std::string FormatNumber(double value) {
  if (std::fabs(value) >= 1000) return GroupedText(value);
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string result = text;
  while (result.find('.') != std::string::npos && (result.back() == '0' || result.back() == '.')) {
    const bool dot = result.back() == '.';
    result.pop_back();
    if (dot) break;
  }
  return result;
}

std::string CellText(const Cell& cell, bool fraction) {
  return std::visit(
      [fraction](const auto& value) -> std::string {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return "-";
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return FormatNumber(static_cast<double>(value));
        } else if constexpr (std::is_same_v<T, double>) {
          if (!fraction) return FormatNumber(value);
          char text[32];
          std::snprintf(text, sizeof text, "%.1f%%", value * 100);
          return text;
        } else {
          return value;
        }
      },
      cell);
}

nlohmann::json CellJson(const Cell& cell) {
  return std::visit(
      [](const auto& value) -> nlohmann::json {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, double>) {
          // Round to 6 significant decimals so that output is stable and readable.
          return std::isfinite(value) ? nlohmann::json(std::round(value * 1e6) / 1e6)
                                      : nlohmann::json(nullptr);
        } else {
          return value;
        }
      },
      cell);
}

nlohmann::json NumbersJson(const std::vector<double>& values) {
  nlohmann::json array = nlohmann::json::array();
  for (double value : values) array.push_back(CellJson(Number(value)));
  return array;
}

std::string Pad(const std::string& text, size_t width, bool right) {
  const size_t length = Utf8Length(text);
  if (length >= width) return text;
  const std::string padding(width - length, ' ');
  return right ? padding + text : text + padding;
}

std::string TableText(const Table& table, size_t max_rows) {
  const size_t shown = std::min(max_rows, table.rows.size());
  std::vector<std::vector<std::string>> cells;
  std::vector<size_t> widths;
  for (const std::string& column : table.columns) widths.push_back(Utf8Length(column));
  std::vector<bool> numeric(table.columns.size(), false);
  for (size_t r = 0; r < shown; ++r) {
    std::vector<std::string> line;
    for (size_t c = 0; c < table.columns.size() && c < table.rows[r].size(); ++c) {
      const Cell& cell = table.rows[r][c];
      if (!std::holds_alternative<std::string>(cell) && !std::holds_alternative<std::nullptr_t>(cell))
        numeric[c] = true;
      line.push_back(CellText(cell, IsFraction(table.columns[c])));
      widths[c] = std::max(widths[c], Utf8Length(line.back()));
    }
    cells.push_back(std::move(line));
  }
  // Long text columns (reasons, explanations) go on their own indented line under each row.
  constexpr size_t kLongText = 40;
  std::vector<bool> below(table.columns.size(), false);
  for (size_t c = 0; c < table.columns.size(); ++c) below[c] = !numeric[c] && widths[c] > kLongText;
  std::string text = table.name + "\n";
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (!below[c]) text += "  " + Pad(table.columns[c], widths[c], numeric[c]);
  }
  text += "\n";
  for (const auto& line : cells) {
    for (size_t c = 0; c < line.size(); ++c) {
      if (!below[c]) text += "  " + Pad(line[c], widths[c], numeric[c]);
    }
    text += "\n";
    for (size_t c = 0; c < line.size(); ++c) {
      if (below[c] && line[c] != "-") text += "      " + table.columns[c] + ": " + line[c] + "\n";
    }
  }
  if (shown < table.rows.size()) {
    text += "  … " + std::to_string(table.rows.size() - shown) +
            " more rows (--json for all, --top N to choose)\n";
  }
  return text;
}

}  // namespace

std::string FormatCell(const Cell& cell, std::string_view name) {
  return CellText(cell, IsFraction(std::string(name)));
}

nlohmann::json TableJson(const Table& table) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& row : table.rows) {
    nlohmann::json cells = nlohmann::json::array();
    for (const Cell& cell : row) cells.push_back(CellJson(cell));
    rows.push_back(std::move(cells));
  }
  return {{"name", table.name}, {"columns", table.columns}, {"rows", std::move(rows)}};
}

nlohmann::json InsightJson(const Insight& insight) {
  nlohmann::json document;
  document["type"] = insight.type;
  document["as_of"] = FormatIsoDate(insight.as_of);
  nlohmann::json filters = nlohmann::json::object();
  for (const auto& [name, value] : insight.filters)
    filters[name] = name == "top" ? nlohmann::json(std::stoi(value)) : nlohmann::json(value);
  document["filters"] = std::move(filters);
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& [name, value] : insight.metrics) metrics[name] = CellJson(value);
  document["metrics"] = std::move(metrics);
  nlohmann::json tables = nlohmann::json::array();
  for (const Table& table : insight.tables) tables.push_back(TableJson(table));
  document["tables"] = std::move(tables);
  nlohmann::json charts = nlohmann::json::array();
  for (const ChartSpec& chart : insight.charts) charts.push_back(ChartJson(chart));
  document["charts"] = std::move(charts);
  nlohmann::json definitions = nlohmann::json::object();
  for (const auto& [figure, how] : insight.definitions) definitions[figure] = how;
  document["definitions"] = std::move(definitions);
  document["notes"] = insight.notes;
  return document;
}

std::string InsightText(const Insight& insight, size_t max_rows) {
  std::string text = insight.type + " as of " + FormatIsoDate(insight.as_of);
  for (const auto& [name, value] : insight.filters) text += "  " + name + "=" + value;
  text += "\n\n";
  size_t width = 0;
  for (const auto& [name, value] : insight.metrics) width = std::max(width, name.size());
  for (const auto& [name, value] : insight.metrics) {
    text += "  " + Pad(name, width, false) + "  " + CellText(value, IsFraction(name)) + "\n";
  }
  for (const Table& table : insight.tables) text += "\n" + TableText(table, max_rows);
  if (!insight.notes.empty()) {
    text += "\nNotes\n";
    for (const std::string& note : insight.notes) text += "  - " + note + "\n";
  }
  return text;
}

nlohmann::json ChartJson(const ChartSpec& chart) {
  nlohmann::json series = nlohmann::json::array();
  for (const ChartSeries& one : chart.series) {
    nlohmann::json entry = {{"name", one.name}, {"values", NumbersJson(one.values)}};
    if (!one.low.empty()) entry["low"] = NumbersJson(one.low);
    if (!one.high.empty()) entry["high"] = NumbersJson(one.high);
    series.push_back(std::move(entry));
  }
  return {{"id", chart.id},         {"type", chart.type},         {"title", chart.title},
          {"unit", chart.unit},     {"x_label", chart.x_label},   {"y_label", chart.y_label},
          {"labels", chart.labels}, {"series", std::move(series)}};
}

}  // namespace crm::analytics
