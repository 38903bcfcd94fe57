#pragma once
// The result of an insight: metrics, tables and chart specifications, with how each figure was made.
// The CLI, the chat, the agents and the web app all read this one structure.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace crm::analytics {

//! One value of a table or a metric: missing, integer, real number or text.
using Cell = std::variant<std::nullptr_t, int64_t, double, std::string>;

//! A real number, or a missing cell when it is NaN.
Cell Number(double value);
//! The value of a numeric cell; NaN when missing or text.
double CellNumber(const Cell& cell);

//! A named table: column names and rows of cells.
struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

//! One series of a chart; `low` and `high` hold an interval band when not empty.
struct ChartSeries {
  std::string name;
  std::vector<double> values;  //!< NaN is drawn as a gap
  std::vector<double> low;
  std::vector<double> high;
};

//! What to draw, so the chat and the dashboards draw the same thing.
struct ChartSpec {
  std::string id;
  std::string type;  //!< bar, horizontal_bar, stacked_bar, line, band, funnel, histogram
  std::string title;
  std::string unit;  //!< USD, percent (values are 0..1), count, days, score (0–100)
  std::string x_label;
  std::string y_label;
  std::vector<std::string> labels;
  std::vector<ChartSeries> series;
};

//! A computed insight.
struct Insight {
  std::string type;
  int32_t as_of = 0;                                         //!< day number
  std::vector<std::pair<std::string, std::string>> filters;  //!< applied filters, canonical values
  std::vector<std::pair<std::string, Cell>> metrics;
  std::vector<Table> tables;
  std::vector<ChartSpec> charts;
  std::vector<std::pair<std::string, std::string>> definitions;  //!< figure → how it was computed
  std::vector<std::string> notes;                                //!< caveats and methods a reader must know

  //! Adds a metric.
  void Metric(std::string name, Cell value) { metrics.emplace_back(std::move(name), std::move(value)); }
  //! Adds a definition of a figure.
  void Define(std::string figure, std::string how) {
    definitions.emplace_back(std::move(figure), std::move(how));
  }
  //! The table with this name, or nullptr.
  const Table* FindTable(const std::string& name) const;
  //! The metric with this name, or nullptr.
  const Cell* FindMetric(const std::string& name) const;
};

//! A cell as text for people: fractions of figures named like a rate, probability or share as "63.2%",
//! big numbers with thousands separators, a missing cell as "-".
std::string FormatCell(const Cell& cell, std::string_view name);
//! A chart as JSON: {id, type, title, unit, x_label, y_label, labels, series: [{name, values, low?, high?}]},
//! NaN values as null.
nlohmann::json ChartJson(const ChartSpec& chart);
//! The JSON document of CONTRACTS.md: type, as_of, filters, metrics, tables; plus charts, definitions, notes.
nlohmann::json InsightJson(const Insight& insight);

//! A readable text rendering for the terminal; tables are cut at `max_rows` rows.
std::string InsightText(const Insight& insight, size_t max_rows = 25);

}  // namespace crm::analytics
