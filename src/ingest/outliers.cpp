#include "crm/ingest/outliers.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

namespace crm::ingest {

namespace {

constexpr size_t kMinimumGroup = 8;

double Quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(position);
  const double fraction = position - static_cast<double>(below);
  if (below + 1 >= sorted.size()) return sorted.back();
  return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
}

std::string FormatNumber(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

//! Where the values of one group come from: their file and field, and per member its value, source
//! line and record name.
struct GroupSource {
  std::string file;
  std::string field;
  std::string group;
  std::function<double(size_t)> value_of;
  std::function<int64_t(size_t)> line_of;
  std::function<std::string(size_t)> record_of;
};

//! Judges one group of values.
void FlagGroup(const GroupSource& source, const std::vector<size_t>& members, ImportReport& report) {
  const auto& [file, field, group, value_of, line_of, record_of] = source;
  if (members.size() < kMinimumGroup) return;
  std::vector<double> values;
  values.reserve(members.size());
  for (size_t member : members) values.push_back(value_of(member));
  const Fences fences = IqrFences(std::move(values));
  int64_t flagged = 0;
  for (size_t member : members) {
    const double value = value_of(member);
    if (value >= fences.low && value <= fences.high) continue;
    ++flagged;
    ++report.outliers_total;
    if (report.outliers.size() < static_cast<size_t>(kListedOutliers)) {
      report.outliers.push_back(
          {file, line_of(member), field, record_of(member), group, value, fences.low, fences.high});
    }
  }
  if (flagged > 0) {
    report.cleaning.push_back({"outlier", file, field,
                               "outside [" + FormatNumber(fences.low) + ", " + FormatNumber(fences.high) +
                                   "] (IQR rule, " + group + ")",
                               "flagged, unchanged", flagged});
  }
}

}  // namespace

Fences IqrFences(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const double q1 = Quantile(values, 0.25), q3 = Quantile(values, 0.75);
  const double spread = 1.5 * (q3 - q1);
  return {q1 - spread, q3 + spread};
}

void FlagOutliers(const Dataset& data, const std::vector<int64_t>& pipeline_lines,
                  const std::vector<int64_t>& account_lines, ImportReport& report) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<std::vector<size_t>> won_by_product(data.products.size());
  for (size_t row = 0; row < deals.size(); ++row) {
    if (deals.deal_stage[row] == DealStage::kWon) won_by_product[deals.product[row]].push_back(row);
  }
  const auto deal_line = [&](size_t row) { return pipeline_lines[row]; };
  const auto deal_id = [&](size_t row) { return std::string(deals.id[row]); };
  for (size_t product = 0; product < data.products.size(); ++product) {
    FlagGroup({"sales_pipeline.csv", "close_value", "Won deals of product " + data.products[product].name,
               [&](size_t row) { return deals.close_value[row]; }, deal_line, deal_id},
              won_by_product[product], report);
  }
  std::vector<size_t> with_revenue, with_employees;
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    if (HasValue(data.accounts[row].revenue)) with_revenue.push_back(row);
    if (data.accounts[row].employees != kNoInteger) with_employees.push_back(row);
  }
  const auto account_line = [&](size_t row) { return account_lines[row]; };
  const auto account_name = [&](size_t row) { return data.accounts[row].name; };
  FlagGroup({"accounts.csv", "revenue", "all accounts", [&](size_t row) { return data.accounts[row].revenue; },
             account_line, account_name},
            with_revenue, report);
  FlagGroup({"accounts.csv", "employees", "all accounts",
             [&](size_t row) { return static_cast<double>(data.accounts[row].employees); }, account_line,
             account_name},
            with_employees, report);
}

}  // namespace crm::ingest
