// The forecast backtest on a history whose future is known: with sure probabilities and one cycle length
// the forecast is exact arithmetic, so every row, the coverage and the error can be worked out by hand.
#include "crm/models/forecast_backtest.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "crm/common/date.h"
#include "crm/ingest/importer.h"
#include "crm/models/fallback_probabilities.h"
#include "support/test_support.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;
using S = DealStage;

//! Product Alpha at 100. Won before 2017: three deals of 30 days (value 100). Then:
//! D1 engaged 06-20, won 07-20 (100); D2 engaged 06-25, won 07-25 (100); D3 engaged 07-05, won 08-04 (100);
//! D4 engaged 06-10, lost 07-15; D5 engaged 09-20, won 10-03 (100), the latest date.
Dataset KnownFuture() {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  b.Deal("H1", ann, alpha, kNoIndex, S::kWon, "2016-12-01", "2016-12-31", 100);
  b.Deal("H2", ann, alpha, kNoIndex, S::kWon, "2016-12-02", "2017-01-01", 100);
  b.Deal("H3", ann, alpha, kNoIndex, S::kWon, "2016-12-03", "2017-01-02", 100);
  b.Deal("D1", ann, alpha, kNoIndex, S::kWon, "2017-06-20", "2017-07-20", 100);
  b.Deal("D2", ann, alpha, kNoIndex, S::kWon, "2017-06-25", "2017-07-25", 100);
  b.Deal("D3", ann, alpha, kNoIndex, S::kWon, "2017-07-05", "2017-08-04", 100);
  b.Deal("D4", ann, alpha, kNoIndex, S::kLost, "2017-06-10", "2017-07-15", 0);
  b.Deal("D5", ann, alpha, kNoIndex, S::kWon, "2017-09-20", "2017-10-03", 100);
  return b.Build();
}

TEST(ForecastBacktestTest, ScoresEachCompletePeriodAgainstWhatWasWon) {
  const Dataset data = KnownFuture();
  const std::vector<int32_t> dates{Day("2017-06-30"), Day("2017-09-30")};
  const ForecastBacktest backtest = RunForecastBacktest(
      data, dates, [&data](int32_t) { return std::vector<double>(data.opportunities.size(), 1.0); },
      {500, 3});
  // At 2017-06-30 D1, D2 and D4 are open (D4's loss is still ahead), each sure to be won 30 days after
  // engagement: 07-20, 07-25, 07-10. The only cycles known are 30 days, no deal engaged after any reference
  // date was won by then: July 300 in every run, August and September 0, Q3 300.
  // Won in fact: July 200 (D1, D2), August 100 (D3), September 0, Q3 300.
  // 2017-09-30 forecasts October on: no period ends by 2017-10-03, none is scored.
  ASSERT_EQ(backtest.months.size(), 3u);
  ASSERT_EQ(backtest.quarters.size(), 1u);
  const ForecastBacktestRow &july = backtest.months[0], &august = backtest.months[1],
                            &september = backtest.months[2], &q3 = backtest.quarters[0];
  EXPECT_EQ(july.period, "2017-07");
  EXPECT_EQ(july.as_of, Day("2017-06-30"));
  EXPECT_DOUBLE_EQ(july.p10, 300);
  EXPECT_DOUBLE_EQ(july.p90, 300);
  EXPECT_DOUBLE_EQ(july.actual, 200);
  EXPECT_FALSE(july.inside);
  EXPECT_DOUBLE_EQ(august.p50, 0);
  EXPECT_DOUBLE_EQ(august.actual, 100);
  EXPECT_FALSE(august.inside);
  EXPECT_DOUBLE_EQ(september.actual, 0);
  EXPECT_TRUE(september.inside);
  EXPECT_EQ(q3.period, "2017-Q3");
  EXPECT_DOUBLE_EQ(q3.p50, 300);
  EXPECT_DOUBLE_EQ(q3.actual, 300);
  EXPECT_TRUE(q3.inside);
  // 2 of 4 rows inside; P50 errors over rows won something: July 100/200, August 100/100, Q3 0.
  EXPECT_DOUBLE_EQ(backtest.coverage, 0.5);
  EXPECT_DOUBLE_EQ(backtest.mean_abs_pct_error_p50, (0.5 + 1.0 + 0.0) / 3);
}

TEST(ForecastBacktestTest, NothingScoredLeavesCoverageMissing) {
  const Dataset data = KnownFuture();
  const std::vector<int32_t> dates{Day("2017-09-30")};
  const ForecastBacktest backtest = RunForecastBacktest(
      data, dates, [&data](int32_t as_of) { return HistoricalWinProbabilities(data, as_of); }, {200, 1});
  EXPECT_TRUE(backtest.months.empty());
  EXPECT_TRUE(std::isnan(backtest.coverage));
  const nlohmann::json json = ToJson(backtest);
  EXPECT_TRUE(json["coverage"].is_null());
  EXPECT_TRUE(json["mean_abs_pct_error_p50"].is_null());
  EXPECT_TRUE(json["months"].empty());
}

TEST(ForecastBacktestTest, JsonRowsCarryTheirDates) {
  const Dataset data = KnownFuture();
  const std::vector<int32_t> dates{Day("2017-06-30")};
  const nlohmann::json json = ToJson(RunForecastBacktest(
      data, dates, [&data](int32_t) { return std::vector<double>(data.opportunities.size(), 1.0); },
      {100, 1}));
  ASSERT_EQ(json["quarters"].size(), 1u);
  EXPECT_EQ(json["quarters"][0]["as_of"], "2017-06-30");
  EXPECT_EQ(json["quarters"][0]["inside"], true);
  EXPECT_DOUBLE_EQ(json["coverage"].get<double>(), 0.5);
}

//! A dataset whose only deal is engaged on `first` and won on `last`.
Dataset Spanning(const std::string& first, const std::string& last) {
  DatasetBuilder b;
  const int32_t alpha = b.Product("Alpha", "A", 100);
  const int32_t ann = b.Agent("Ann", "Mia", "East");
  b.Deal("W", ann, alpha, kNoIndex, S::kWon, first, last, 100);
  return b.Build();
}

TEST(ForecastBacktestTest, DefaultDatesPrecedeTheLastFourCompleteQuartersWithSixMonthsOfHistory) {
  // Latest 2017-12-31: quarters 2017-Q1..Q4 are complete; the days before them are 2016-12-31 (72 days after
  // 2016-10-20), 2017-03-31 (162), 2017-06-30 (253) and 2017-09-30 (345): the first two lack 182 days.
  EXPECT_EQ(DefaultBacktestDates(Spanning("2016-10-20", "2017-12-31")),
            (std::vector<int32_t>{Day("2017-06-30"), Day("2017-09-30")}));
  // Latest 2017-11-15: 2017-Q4 is not over, the last complete quarter is 2017-Q3.
  EXPECT_EQ(
      DefaultBacktestDates(Spanning("2015-01-01", "2017-11-15")),
      (std::vector<int32_t>{Day("2016-09-30"), Day("2016-12-31"), Day("2017-03-31"), Day("2017-06-30")}));
  EXPECT_TRUE(DefaultBacktestDates(Dataset{}).empty());
}

TEST(ForecastBacktestTest, KaggleDataForecastsAndScoresTwoQuarters) {
  CRM_REQUIRE_SHARED_DATA();
  const Result<ingest::ImportResult> imported = ingest::ImportFolder(test::SharedDataDir());
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  const Dataset& data = imported->data;
  const int32_t as_of = Day("2017-12-31");
  const ForecastResult forecast = SimulateForecast(data, as_of, HistoricalWinProbabilities(data, as_of), {});
  // sales_pipeline.csv: 1,589 Engaging deals, 500 Prospecting; the data ends on 2017-12-31.
  EXPECT_EQ(forecast.open_deals_simulated, 1589);
  EXPECT_EQ(forecast.open_deals_without_probability, 0);
  EXPECT_EQ(forecast.prospecting_deals, 500);
  EXPECT_EQ(forecast.next_quarter.label, "2018-Q1");
  EXPECT_LE(forecast.next_quarter.p10, forecast.next_quarter.p50);
  EXPECT_LE(forecast.next_quarter.p50, forecast.next_quarter.p90);
  EXPECT_LE(forecast.next_quarter.expected_from_open, forecast.open_value);
  EXPECT_EQ(forecast.new_business_reference_dates, 6);  // month-ends 2017-04-30 .. 2017-09-30
  // Engage dates start on 2016-10-20: 2017-06-30 and 2017-09-30 have six months of history before them.
  const std::vector<int32_t> dates = DefaultBacktestDates(data);
  ASSERT_EQ(dates, (std::vector<int32_t>{Day("2017-06-30"), Day("2017-09-30")}));
  const ForecastBacktest backtest = RunForecastBacktest(
      data, dates, [&data](int32_t day) { return HistoricalWinProbabilities(data, day); }, {});
  ASSERT_EQ(backtest.months.size(), 6u);
  ASSERT_EQ(backtest.quarters.size(), 2u);
  // Won close values summed from the CSV by month: 2017-07 696,932; 08 1,050,059; 09 1,235,264;
  // 10 731,980; 11 938,943; 12 1,131,573.
  EXPECT_DOUBLE_EQ(backtest.months[0].actual, 696932);
  EXPECT_DOUBLE_EQ(backtest.quarters[0].actual, 696932 + 1050059 + 1235264);
  EXPECT_DOUBLE_EQ(backtest.quarters[1].actual, 731980 + 938943 + 1131573);
}

}  // namespace
}  // namespace crm::models
