#include "crm/models/forecast_backtest.h"

#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "crm/analytics/calendar.h"
#include "crm/analytics/period.h"
#include "forecast_horizon.h"
#include "json_number.h"

namespace crm::models {

namespace {

//! Close value of the deals won (as the full data says) per month index.
std::map<int32_t, double> WonByMonth(const Dataset& data) {
  std::map<int32_t, double> won;
  const OpportunityColumns& deals = data.opportunities;
  for (size_t i = 0; i < deals.size(); ++i) {
    if (deals.deal_stage[i] != DealStage::kWon || deals.close_date[i] == kNoDay ||
        !HasValue(deals.close_value[i]))
      continue;
    won[analytics::MonthIndexOfDay(deals.close_date[i])] += deals.close_value[i];
  }
  return won;
}

//! Won in the whole months of `period`.
double WonIn(const std::map<int32_t, double>& won_by_month, const ForecastPeriod& period) {
  double won = 0;
  const auto end = won_by_month.upper_bound(analytics::MonthIndexOfDay(period.last_day));
  for (auto it = won_by_month.lower_bound(analytics::MonthIndexOfDay(period.first_day)); it != end; ++it)
    won += it->second;
  return won;
}

ForecastBacktestRow Score(const ForecastPeriod& period, int32_t as_of, double actual) {
  return {period.label,
          as_of,
          period.p10,
          period.p50,
          period.p90,
          actual,
          actual >= period.p10 && actual <= period.p90};
}

//! Coverage and the P50 error over all rows.
void Summarize(ForecastBacktest& backtest) {
  int64_t rows = 0, inside = 0, with_actual = 0;
  double error_sum = 0;
  for (const auto* rows_of : {&backtest.months, &backtest.quarters}) {
    for (const ForecastBacktestRow& row : *rows_of) {
      ++rows;
      inside += row.inside ? 1 : 0;
      if (row.actual <= 0) continue;
      ++with_actual;
      error_sum += std::abs(row.p50 - row.actual) / row.actual;
    }
  }
  if (rows > 0) backtest.coverage = static_cast<double>(inside) / static_cast<double>(rows);
  if (with_actual > 0) backtest.mean_abs_pct_error_p50 = error_sum / static_cast<double>(with_actual);
}

nlohmann::json RowsJson(const std::vector<ForecastBacktestRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const ForecastBacktestRow& row : rows) {
    out.push_back({{"period", row.period},
                   {"as_of", FormatIsoDate(row.as_of)},
                   {"p10", JsonNumber(row.p10)},
                   {"p50", JsonNumber(row.p50)},
                   {"p90", JsonNumber(row.p90)},
                   {"actual", JsonNumber(row.actual)},
                   {"inside", row.inside}});
  }
  return out;
}

}  // namespace

ForecastBacktest RunForecastBacktest(const Dataset& data, std::span<const int32_t> as_of_days,
                                     const std::function<std::vector<double>(int32_t as_of)>& probabilities,
                                     const ForecastSettings& settings) {
  const int32_t latest = data.LatestDate();
  const std::map<int32_t, double> won_by_month = WonByMonth(data);
  ForecastBacktest backtest;
  for (int32_t as_of : as_of_days) {
    const std::vector<double> p = probabilities(as_of);
    const ForecastResult forecast = SimulateForecast(data, as_of, p, settings);
    for (const ForecastPeriod& month : forecast.months) {
      if (month.last_day <= latest)
        backtest.months.push_back(Score(month, as_of, WonIn(won_by_month, month)));
    }
    if (forecast.next_quarter.last_day <= latest) {
      backtest.quarters.push_back(
          Score(forecast.next_quarter, as_of, WonIn(won_by_month, forecast.next_quarter)));
    }
  }
  Summarize(backtest);
  return backtest;
}

std::vector<int32_t> DefaultBacktestDates(const Dataset& data) {
  const int32_t latest = data.LatestDate();
  const OpportunityColumns& deals = data.opportunities;
  int32_t first = kNoDay;
  for (size_t i = 0; i < deals.size(); ++i) {
    for (int32_t day : {deals.engage_date[i], deals.close_date[i]}) {
      if (day != kNoDay && (first == kNoDay || day < first)) first = day;
    }
  }
  std::vector<int32_t> dates;
  if (first == kNoDay || latest == kNoDay) return dates;
  const int32_t last_complete =
      analytics::Calendar::QuarterOfMonth(analytics::MonthIndexOfDay(latest + 1)) - 1;
  for (int32_t quarter = last_complete - 3; quarter <= last_complete; ++quarter) {
    const int32_t as_of = QuarterDays(quarter).first - 1;
    if (as_of - first >= kBacktestHistoryDays) dates.push_back(as_of);
  }
  return dates;
}

nlohmann::json ToJson(const ForecastBacktest& backtest) {
  return {{"months", RowsJson(backtest.months)},
          {"quarters", RowsJson(backtest.quarters)},
          {"coverage", JsonNumber(backtest.coverage)},
          {"mean_abs_pct_error_p50", JsonNumber(backtest.mean_abs_pct_error_p50)}};
}

}  // namespace crm::models
