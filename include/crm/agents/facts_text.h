#pragma once
// Reading the facts JSON back as words for the offline writer: money, rates, counts and dates formatted
// from the facts themselves, so no number reaches the text that is not in the facts.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "crm/analytics/insight.h"

namespace crm::agents {

//! True when `facts` has `key` with a non-null value.
bool Has(const nlohmann::json& facts, std::string_view key);
//! The number at `key`, NaN when missing or not a number.
double Number(const nlohmann::json& facts, std::string_view key);
//! The text at `key`, empty when missing or not text.
std::string Text(const nlohmann::json& facts, std::string_view key);
//! "$26,707" for the number at `key`.
std::string Usd(const nlohmann::json& facts, std::string_view key);
//! "61%" for the fraction at `key`.
std::string Percent(const nlohmann::json& facts, std::string_view key);
//! "1,234" for the number at `key`, rounded to a whole.
std::string Whole(const nlohmann::json& facts, std::string_view key);
//! "December 31, 2017" for "2017-12-31"; the text as given when it is not an ISO date.
std::string LongDate(std::string_view iso_date);
//! "1 deal" / "3 deals" for a count.
std::string Plural(int64_t count, std::string_view singular, std::string_view plural);

//! A cell of an insight as JSON: null, integer, number or text.
nlohmann::json CellJson(const analytics::Cell& cell);
//! The row of `table` whose first cell is the text `name`, or nullptr.
const std::vector<analytics::Cell>* RowNamed(const analytics::Table& table, std::string_view name);
//! The row's cells as an object keyed by column name.
nlohmann::json RowJson(const analytics::Table& table, const std::vector<analytics::Cell>& row);
//! The cell of `row` in `column`, or a missing cell when the table has no such column.
analytics::Cell CellIn(const analytics::Table& table, const std::vector<analytics::Cell>& row,
                       std::string_view column);

}  // namespace crm::agents
