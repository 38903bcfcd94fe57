// The data page's profile: deal size and health histograms, and the correlations of the numeric fields.
#include "crm/analytics/data_profile.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include <nlohmann/json.hpp>

#include "crm/analytics/histogram.h"

namespace crm::analytics {

namespace {

//! Bins of the deal size histogram.
constexpr int kDealSizeBins = 12;
//! Bins of the health histogram: 10 points each over 0–100.
constexpr int kHealthBins = 10;

//! A numeric field of a deal: its name, what it is, and its value for a deal row (NaN when missing).
struct DealField {
  const char* name;
  const char* description;
  std::function<double(const Dataset&, size_t)> value;
};

//! The account of `deal`, or nullptr.
const Account* AccountOf(const Dataset& data, size_t deal) {
  const int32_t row = data.opportunities.account[deal];
  return row == kNoIndex ? nullptr : &data.accounts[static_cast<size_t>(row)];
}

//! The fields of DealNumericFields, in order.
const std::vector<DealField>& DealFields() {
  static const std::vector<DealField> fields = {
      {"account_revenue", "annual revenue of the deal's account, millions of USD",
       [](const Dataset& data, size_t deal) {
         const Account* account = AccountOf(data, deal);
         return account ? account->revenue : kNoNumber;
       }},
      {"account_employees", "employees of the deal's account",
       [](const Dataset& data, size_t deal) {
         const Account* account = AccountOf(data, deal);
         return account && account->employees != kNoInteger ? static_cast<double>(account->employees)
                                                            : kNoNumber;
       }},
      {"year_established", "year the deal's account was established",
       [](const Dataset& data, size_t deal) {
         const Account* account = AccountOf(data, deal);
         return account && account->year_established != kNoIndex
                    ? static_cast<double>(account->year_established)
                    : kNoNumber;
       }},
      {"sales_price", "list price of the deal's product, USD",
       [](const Dataset& data, size_t deal) {
         return data.products[static_cast<size_t>(data.opportunities.product[deal])].sales_price;
       }},
      {"close_value", "value of a Won deal, USD (Lost deals carry 0, which is no deal size: left out)",
       [](const Dataset& data, size_t deal) {
         return data.opportunities.deal_stage[deal] == DealStage::kWon ? data.opportunities.close_value[deal]
                                                                       : kNoNumber;
       }},
      {"days_to_close", "days from engagement to close of a closed deal",
       [](const Dataset& data, size_t deal) {
         const int32_t engaged = data.opportunities.engage_date[deal];
         const int32_t closed = data.opportunities.close_date[deal];
         if (!IsClosed(data.opportunities.deal_stage[deal]) || engaged == kNoDay || closed == kNoDay)
           return kNoNumber;
         return static_cast<double>(closed - engaged);
       }},
      {"won", "1 for a Won deal, 0 for a Lost one (open deals left out)",
       [](const Dataset& data, size_t deal) {
         const DealStage stage = data.opportunities.deal_stage[deal];
         return IsClosed(stage) ? (stage == DealStage::kWon ? 1.0 : 0.0) : kNoNumber;
       }},
  };
  return fields;
}

//! The health scores of the "account_health" table of `health`, NaN where missing.
std::vector<double> HealthScores(const Insight& health) {
  std::vector<double> scores;
  const Table* table = nullptr;
  for (const Table& candidate : health.tables) {
    if (candidate.name == "account_health") table = &candidate;
  }
  if (!table) return scores;
  const auto column = std::find(table->columns.begin(), table->columns.end(), "health_score");
  if (column == table->columns.end()) return scores;
  const size_t index = static_cast<size_t>(column - table->columns.begin());
  for (const auto& row : table->rows) scores.push_back(index < row.size() ? CellNumber(row[index]) : NAN);
  return scores;
}

}  // namespace

std::vector<NumericField> DealNumericFields(const Dataset& data) {
  std::vector<NumericField> fields;
  const size_t deals = data.opportunities.size();
  for (const DealField& field : DealFields()) {
    NumericField column{field.name, std::vector<double>(deals)};
    for (size_t deal = 0; deal < deals; ++deal) column.values[deal] = field.value(data, deal);
    fields.push_back(std::move(column));
  }
  return fields;
}

nlohmann::json DataProfileJson(const Dataset& data, const Insight& health) {
  const std::vector<NumericField> fields = DealNumericFields(data);
  const auto close_value = std::find_if(
      fields.begin(), fields.end(), [](const NumericField& field) { return field.name == "close_value"; });
  std::vector<double> won_values;
  for (double value : close_value->values) {
    if (!std::isnan(value)) won_values.push_back(value);
  }
  const Histogram deal_size = EqualWidthHistogram(won_values, kDealSizeBins);
  const Histogram health_scores =
      EqualWidthHistogram(HealthScores(health), kHealthBins, HistogramRange{0, 100});
  nlohmann::json correlation = ToJson(PairwiseCorrelation(fields));
  nlohmann::json descriptions = nlohmann::json::object();
  for (const DealField& field : DealFields()) descriptions[field.name] = field.description;
  correlation["descriptions"] = std::move(descriptions);
  correlation["rows"] = "deals: each pair over the deals where both values are present";
  return {
      {"deal_size", ChartJson(HistogramChart(deal_size, {"deal_size_distribution", "Deal size (won deals)",
                                                         "USD", "close value (USD)", "won deals"}))},
      {"health", ChartJson(HistogramChart(health_scores, {"health_distribution", "Accounts by health score",
                                                          "score", "health score (0-100)", "accounts"}))},
      {"health_missing", health_scores.missing},
      {"correlation", std::move(correlation)},
      {"notes",
       {"Deal size counts Won deals only: a Lost deal's close value is always 0.",
        "Correlations are Pearson's r over deals, each pair over the deals where both values are present "
        "(n says how many); fewer than 3 such deals, or a constant field, leaves the cell empty.",
        "Account fields repeat on every deal of the account, so large accounts weigh more."}}};
}

}  // namespace crm::analytics
