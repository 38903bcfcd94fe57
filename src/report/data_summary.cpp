#include "crm/report/data_summary.h"

#include <array>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "crm/common/date.h"

namespace crm::report {

using nlohmann::json;

namespace {

//! Deals and money per stage.
struct StageTotals {
  std::array<int64_t, kDealStageCount> count{};
  std::array<double, kDealStageCount> value{};
};

StageTotals TotalsByStage(const OpportunityColumns& deals) {
  StageTotals totals;
  for (size_t row = 0; row < deals.size(); ++row) {
    const int stage = static_cast<int>(deals.deal_stage[row]);
    ++totals.count[stage];
    if (HasValue(deals.close_value[row])) totals.value[stage] += deals.close_value[row];
  }
  return totals;
}

//! The first and last dates in the data, or null.
json DateRange(const Dataset& data) {
  int32_t first = kNoDay;
  for (const auto* column : {&data.opportunities.engage_date, &data.opportunities.close_date, &data.activities.date}) {
    for (int32_t day : *column) {
      if (day != kNoDay && (first == kNoDay || day < first)) first = day;
    }
  }
  const int32_t last = data.LatestDate();
  if (first == kNoDay) return nullptr;
  return json{{"first", FormatIsoDate(first)}, {"last", FormatIsoDate(last)}};
}

std::string Grouped(int64_t value) {
  std::string digits = std::to_string(value < 0 ? -value : value), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return value < 0 ? "-" + out : out;
}

std::string Line(const char* format, auto... args) {
  char buffer[512];
  std::snprintf(buffer, sizeof buffer, format, args...);
  return buffer;
}

}  // namespace

json DataSummaryJson(const Dataset& data, const ingest::ImportReport& report) {
  const StageTotals totals = TotalsByStage(data.opportunities);
  json by_stage = json::object();
  for (int stage = 0; stage < kDealStageCount; ++stage) {
    const std::string name(DealStageName(static_cast<DealStage>(stage)));
    by_stage[name] = totals.count[stage];
  }
  const auto won = totals.count[static_cast<int>(DealStage::kWon)];
  const auto lost = totals.count[static_cast<int>(DealStage::kLost)];
  const json won_revenue = totals.value[static_cast<int>(DealStage::kWon)];
  json files = json::array();
  for (const ingest::FileReport& file : report.files) {
    files.push_back({{"name", file.name}, {"sha256", file.sha256}, {"rows_read", file.rows_read},
                     {"rows_kept", file.rows_kept}, {"rows_dropped", file.rows_dropped}});
  }
  json cleaning = report.ToJson()["cleaning"];
  return json{{"accounts", data.accounts.size()},
              {"products", data.products.size()},
              {"sales_agents", data.sales_agents.size()},
              {"managers", data.managers.size()},
              {"regional_offices", data.regional_offices.size()},
              {"opportunities", data.opportunities.size()},
              {"activities", data.activities.size()},
              {"by_stage", by_stage},
              {"won_revenue", won_revenue},
              {"win_rate", won + lost == 0 ? json(nullptr) : json(static_cast<double>(won) / (won + lost))},
              {"date_range", DateRange(data)},
              {"source", report.source},
              {"files", files},
              {"rows_dropped", report.RowsDropped()},
              {"cleaning", cleaning},
              {"outliers_flagged", report.outliers_total},
              {"warnings", report.WarningLines()}};
}

std::string DataSummaryText(const Dataset& data, const ingest::ImportReport& report) {
  const json summary = DataSummaryJson(data, report);
  std::string text = "Data: " + report.source + "\n";
  text += Line("  %s accounts, %s products, %s sales agents under %s managers in %s regional offices\n",
               Grouped(data.accounts.size()).c_str(), Grouped(data.products.size()).c_str(),
               Grouped(data.sales_agents.size()).c_str(), Grouped(data.managers.size()).c_str(),
               Grouped(data.regional_offices.size()).c_str());
  text += Line("  %s opportunities, %s activities", Grouped(data.opportunities.size()).c_str(),
               Grouped(data.activities.size()).c_str());
  if (!summary["date_range"].is_null()) {
    text += Line(", dated %s to %s", summary["date_range"]["first"].get<std::string>().c_str(),
                 summary["date_range"]["last"].get<std::string>().c_str());
  }
  text += "\n\nFiles:\n";
  for (const ingest::FileReport& file : report.files) {
    text += Line("  %-20s %10s rows read, %10s kept, %6s dropped\n", file.name.c_str(),
                 Grouped(file.rows_read).c_str(), Grouped(file.rows_kept).c_str(), Grouped(file.rows_dropped).c_str());
  }
  text += "\nCleaning (what was fixed or flagged; nothing was invented):\n";
  if (report.cleaning.empty()) text += "  nothing needed fixing\n";
  for (const ingest::CleaningEntry& entry : report.cleaning) {
    text += Line("  %-15s %s %s: '%s' -> '%s' (%s %s)\n", entry.kind.c_str(), entry.file.c_str(),
                 entry.field.c_str(), entry.from.c_str(), entry.to.c_str(), Grouped(entry.count).c_str(),
                 entry.count == 1 ? "row" : "rows");
  }
  const auto warnings = report.WarningLines();
  if (!warnings.empty()) {
    text += "\nWarnings:\n";
    for (const std::string& warning : warnings) text += "  " + warning + "\n";
  }
  text += "\nPipeline by stage:\n";
  for (int stage = 0; stage < kDealStageCount; ++stage) {
    const std::string name(DealStageName(static_cast<DealStage>(stage)));
    text += Line("  %-12s %10s deals", name.c_str(), Grouped(summary["by_stage"][name].get<int64_t>()).c_str());
    if (static_cast<DealStage>(stage) == DealStage::kWon) {
      text += Line("   won revenue %s", Grouped(static_cast<int64_t>(summary["won_revenue"].get<double>() + 0.5)).c_str());
    }
    text += "\n";
  }
  if (!summary["win_rate"].is_null()) {
    text += Line("  Win rate of closed deals: %.2f%% (Won / (Won + Lost))\n", 100 * summary["win_rate"].get<double>());
  }
  return text;
}

}  // namespace crm::report
