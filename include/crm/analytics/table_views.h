#pragma once
// Views of a table shared by the insights, the API and the exports: its JSON, and a chart of a column.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "crm/analytics/insight.h"

namespace crm::analytics {

//! A table as the API gives it: {"name", "columns", "rows": [[cell, …], …]}, missing cells null.
nlohmann::json TableJson(const Table& table);
//! A chart of one numeric column of a table against its first column (text labels).
ChartSpec ColumnChart(const Table& table, const std::string& column, std::string id, std::string type,
                      std::string title, std::string unit);

}  // namespace crm::analytics
