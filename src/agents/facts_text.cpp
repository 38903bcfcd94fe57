#include "crm/agents/facts_text.h"

#include <array>
#include <cmath>

#include "crm/analytics/fact_text.h"
#include "crm/common/date.h"

namespace crm::agents {

bool Has(const nlohmann::json& facts, std::string_view key) {
  const auto it = facts.find(key);
  return it != facts.end() && !it->is_null();
}

double Number(const nlohmann::json& facts, std::string_view key) {
  const auto it = facts.find(key);
  return it != facts.end() && it->is_number() ? it->get<double>() : std::nan("");
}

std::string Text(const nlohmann::json& facts, std::string_view key) {
  const auto it = facts.find(key);
  return it != facts.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string Usd(const nlohmann::json& facts, std::string_view key) {
  return analytics::UsdText(Number(facts, key));
}

std::string Percent(const nlohmann::json& facts, std::string_view key) {
  return analytics::PercentText(Number(facts, key));
}

std::string Whole(const nlohmann::json& facts, std::string_view key) {
  return analytics::GroupedText(Number(facts, key));
}

std::string LongDate(std::string_view iso_date) {
  static constexpr std::array<const char*, 12> kMonths = {"January",   "February", "March",    "April",
                                                          "May",       "June",     "July",     "August",
                                                          "September", "October",  "November", "December"};
  if (!ParseIsoDate(iso_date) || iso_date.size() != 10) return std::string(iso_date);
  const int month = std::stoi(std::string(iso_date.substr(5, 2)));
  const int day = std::stoi(std::string(iso_date.substr(8, 2)));
  return std::string(kMonths[static_cast<size_t>(month - 1)]) + " " + std::to_string(day) + ", " +
         std::string(iso_date.substr(0, 4));
}

std::string Plural(int64_t count, std::string_view singular, std::string_view plural) {
  return analytics::GroupedText(static_cast<double>(count)) + " " +
         std::string(count == 1 ? singular : plural);
}

nlohmann::json CellJson(const analytics::Cell& cell) {
  return std::visit(
      [](const auto& value) -> nlohmann::json {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return nullptr;
        } else if constexpr (std::is_same_v<T, double>) {
          return std::isnan(value) ? nlohmann::json(nullptr) : nlohmann::json(value);
        } else {
          return value;
        }
      },
      cell);
}

const std::vector<analytics::Cell>* RowNamed(const analytics::Table& table, std::string_view name) {
  for (const auto& row : table.rows) {
    if (!row.empty()) {
      if (const auto* text = std::get_if<std::string>(&row.front()); text && *text == name) return &row;
    }
  }
  return nullptr;
}

nlohmann::json RowJson(const analytics::Table& table, const std::vector<analytics::Cell>& row) {
  nlohmann::json object = nlohmann::json::object();
  for (size_t c = 0; c < table.columns.size() && c < row.size(); ++c)
    object[table.columns[c]] = CellJson(row[c]);
  return object;
}

analytics::Cell CellIn(const analytics::Table& table, const std::vector<analytics::Cell>& row,
                       std::string_view column) {
  for (size_t c = 0; c < table.columns.size() && c < row.size(); ++c) {
    if (table.columns[c] == column) return row[c];
  }
  return nullptr;
}

}  // namespace crm::agents
