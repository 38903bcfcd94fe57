#include "crm/ingest/outliers.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <string>

namespace crm::ingest {

namespace {

constexpr size_t kMinimumGroup = 8;

// The q-quantile by linear interpolation between order statistics, found by selection (no full sort).
double Quantile(std::vector<double>& values, double q) {
  const double position = q * static_cast<double>(values.size() - 1);
  const size_t below = static_cast<size_t>(position);
  const double fraction = position - static_cast<double>(below);
  std::nth_element(values.begin(), values.begin() + below, values.end());
  const double low = values[below];
  if (below + 1 >= values.size() || fraction == 0) return low;
  const double high = *std::min_element(values.begin() + below + 1, values.end());
  return low + fraction * (high - low);
}

std::string FormatNumber(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

//! Where the values of one group come from: their file and field, and per member its source line and
//! record name.
struct GroupSource {
  std::string file;
  std::string field;
  std::string group;
  std::function<int64_t(size_t)> line_of;
  std::function<std::string(size_t)> record_of;
};

//! Judges one group: `values[i]` is the value of row `members[i]`.
void FlagGroup(const GroupSource& source, const std::vector<size_t>& members,
               const std::vector<double>& values, ImportReport& report) {
  const auto& [file, field, group, line_of, record_of] = source;
  if (members.size() < kMinimumGroup) return;
  const Fences fences = IqrFences(values);
  int64_t flagged = 0;
  for (size_t i = 0; i < members.size(); ++i) {
    const size_t member = members[i];
    const double value = values[i];
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
  const double q1 = Quantile(values, 0.25), q3 = Quantile(values, 0.75);
  const double spread = 1.5 * (q3 - q1);
  return {q1 - spread, q3 + spread};
}

void FlagOutliers(const Dataset& data, const LineMap& pipeline_lines,
                  const std::vector<int64_t>& account_lines, ImportReport& report) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<std::vector<size_t>> won_by_product(data.products.size());
  std::vector<std::vector<double>> values_by_product(data.products.size());
  for (size_t row = 0; row < deals.size(); ++row) {
    if (deals.deal_stage[row] != DealStage::kWon) continue;
    won_by_product[deals.product[row]].push_back(row);
    values_by_product[deals.product[row]].push_back(deals.close_value[row]);
  }
  const auto deal_line = [&](size_t row) { return pipeline_lines[row]; };
  const auto deal_id = [&](size_t row) { return std::string(deals.id[row]); };
  for (size_t product = 0; product < data.products.size(); ++product) {
    FlagGroup({"sales_pipeline.csv", "close_value", "Won deals of product " + data.products[product].name,
               deal_line, deal_id},
              won_by_product[product], values_by_product[product], report);
  }
  std::vector<size_t> with_revenue, with_employees;
  std::vector<double> revenues, employees;
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    const Account& account = data.accounts[row];
    if (HasValue(account.revenue)) {
      with_revenue.push_back(row);
      revenues.push_back(account.revenue);
    }
    if (account.employees != kNoInteger) {
      with_employees.push_back(row);
      employees.push_back(static_cast<double>(account.employees));
    }
  }
  const auto account_line = [&](size_t row) { return account_lines[row]; };
  const auto account_name = [&](size_t row) { return data.accounts[row].name; };
  FlagGroup({"accounts.csv", "revenue", "all accounts", account_line, account_name}, with_revenue, revenues,
            report);
  FlagGroup({"accounts.csv", "employees", "all accounts", account_line, account_name}, with_employees,
            employees, report);
}

}  // namespace crm::ingest
