#pragma once
// Reading insight tables by name in tests: a missing table, row or column fails the test instead of crashing.

#include <string>

#include "crm/analytics/insight.h"

namespace crm::analytics::test {

//! The table named `name`; fails the test and returns an empty table when absent.
const Table& TableNamed(const Insight& insight, const std::string& name);

//! The cell at `row` under `column`; fails the test and returns a missing cell when absent.
Cell CellAt(const Table& table, size_t row, const std::string& column);

//! The number at `row` under `column` (NaN when missing).
double NumberAt(const Table& table, size_t row, const std::string& column);

//! The text at `row` under `column` ("" when not text).
std::string TextAt(const Table& table, size_t row, const std::string& column);

//! The text of the metric `name` ("" when absent or not text).
std::string MetricText(const Insight& insight, const std::string& name);

//! True when the metric `name` exists and is missing (null).
bool MetricIsNull(const Insight& insight, const std::string& name);

}  // namespace crm::analytics::test
