// The Monte Carlo forecast on hand-built histories whose outcome can be worked out by hand: sure deals
// land in the month their cycle puts them in, half chances spread as Binomial(n, 1/2), new business is one
// of the past dates' revenue.
#include "crm/models/forecast_simulation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "unit/analytics/analytics_fixture.h"

namespace crm::models {
namespace {

using analytics::test::DatasetBuilder;
using analytics::test::Day;
using S = DealStage;

constexpr int32_t kNone = kNoIndex;

//! One product "Alpha" at 1,000 and one agent; deals are added by the tests.
struct History {
  DatasetBuilder builder;
  int32_t alpha = builder.Product("Alpha", "A", 1000);
  int32_t ann = builder.Agent("Ann", "Mia", "East");
  int32_t deals = 0;

  //! A deal won for 1,000 (the list price: its won-to-list ratio is 1).
  int32_t Won(const std::string& engage, const std::string& close, double value = 1000) {
    return builder.Deal("W" + std::to_string(deals++), ann, alpha, kNone, S::kWon, engage, close, value);
  }
  int32_t Lost(const std::string& engage, const std::string& close) {
    return builder.Deal("L" + std::to_string(deals++), ann, alpha, kNone, S::kLost, engage, close, 0);
  }
  int32_t Engaging(const std::string& engage) {
    return builder.Deal("E" + std::to_string(deals++), ann, alpha, kNone, S::kEngaging, engage, "",
                        kNoNumber);
  }
  int32_t Prospecting() {
    return builder.Deal("P" + std::to_string(deals++), ann, alpha, kNone, S::kProspecting, "", "", kNoNumber);
  }
  //! Three wins early in 2017, each 30 days from engagement to close: every won cycle is 30 days, the first
  //! win is on 2017-02-01, and no win falls after any reference date of an as-of date in late 2017.
  void ThirtyDayWins() {
    Won("2017-01-02", "2017-02-01");
    Won("2017-01-03", "2017-02-02");
    Won("2017-01-04", "2017-02-03");
  }
};

//! Probability `p` for every deal.
std::vector<double> All(const Dataset& data, double p) {
  return std::vector<double>(data.opportunities.size(), p);
}

ForecastResult Simulate(const Dataset& data, const std::string& as_of, const std::vector<double>& p,
                        uint64_t seed = 1) {
  return SimulateForecast(data, Day(as_of), p, {2000, seed});
}

void ExpectSure(const ForecastPeriod& period, double value) {
  EXPECT_DOUBLE_EQ(period.p10, value) << period.label;
  EXPECT_DOUBLE_EQ(period.p50, value) << period.label;
  EXPECT_DOUBLE_EQ(period.p90, value) << period.label;
}

TEST(ForecastSimulationTest, SureDealLandsWhollyInTheMonthItsCycleEnds) {
  History h;
  h.ThirtyDayWins();
  h.Engaging("2017-12-20");  // open 11 days at 2017-12-31; every cycle is 30 days: closes 2018-01-19
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 1.0));
  // The as-of month is over: January through March 2018, the next quarter.
  ASSERT_EQ(result.months.size(), 3u);
  EXPECT_EQ(result.months[0].label, "2018-01");
  EXPECT_EQ(result.months[2].label, "2018-03");
  EXPECT_EQ(result.next_quarter.label, "2018-Q1");
  EXPECT_EQ(result.next_quarter.first_day, Day("2018-01-01"));
  EXPECT_EQ(result.next_quarter.last_day, Day("2018-03-31"));
  // Estimated value: list price 1,000 x won-to-list ratio 1.
  ExpectSure(result.months[0], 1000);
  EXPECT_DOUBLE_EQ(result.months[0].expected_from_open, 1000);
  ExpectSure(result.months[1], 0);
  ExpectSure(result.months[2], 0);
  ExpectSure(result.next_quarter, 1000);
  EXPECT_EQ(result.open_deals_simulated, 1);
  EXPECT_DOUBLE_EQ(result.open_value, 1000);
  // Six month-ends 2017-04-30 .. 2017-09-30 have three known months after them; no deal engaged after
  // any of them was won, so new business is 0.
  EXPECT_EQ(result.new_business_reference_dates, 6);
  EXPECT_DOUBLE_EQ(result.next_quarter.expected_new_business, 0);
}

TEST(ForecastSimulationTest, SureLossBringsNothing) {
  History h;
  h.ThirtyDayWins();
  h.Engaging("2017-12-20");
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 0.0));
  for (const ForecastPeriod& month : result.months) ExpectSure(month, 0);
  ExpectSure(result.next_quarter, 0);
  EXPECT_EQ(result.open_deals_simulated, 1);
}

TEST(ForecastSimulationTest, HalfChancesOverManyDealsSpreadAsABinomial) {
  History h;
  h.ThirtyDayWins();
  for (int i = 0; i < 400; ++i) h.Engaging("2017-12-20");
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 0.5));
  // Winners ~ Binomial(400, 1/2), each worth 1,000, all in January: mean 200,000, sd 10,000; the mean of
  // 2,000 runs is within 224 (one standard error). P10 and P90 are 200,000 -/+ 1.28 sd ~ 187,200 / 212,800.
  // The variance (100 deals^2) is drawn from its normal approximation, which must keep both.
  const ForecastPeriod& january = result.months[0];
  EXPECT_NEAR(january.expected_from_open, 200000, 1500);
  EXPECT_LT(january.p10, january.p50);
  EXPECT_LT(january.p50, january.p90);
  EXPECT_NEAR(january.p10, 187200, 2500);
  EXPECT_NEAR(january.p50, 200000, 1500);
  EXPECT_NEAR(january.p90, 212800, 2500);
  EXPECT_DOUBLE_EQ(result.next_quarter.p50, january.p50);
}

TEST(ForecastSimulationTest, MixedProbabilitiesWinTheirSumWithAPoissonBinomialSpread) {
  History h;
  h.ThirtyDayWins();
  std::vector<int32_t> rows;
  for (int i = 0; i < 300; ++i) rows.push_back(h.Engaging("2017-12-20"));
  const Dataset data = h.builder.Build();
  std::vector<double> p(data.opportunities.size(), kNoNumber);
  for (int i = 0; i < 300; ++i) p[static_cast<size_t>(rows[static_cast<size_t>(i)])] = (i + 0.5) / 300;
  const ForecastResult result = Simulate(data, "2017-12-31", p);
  // Sum of p = 150 deals of 1,000, all in January. Variance sum p (1 - p) = 150 - sum p^2 = 150 - 99.99 ~ 50
  // deals^2, sd 7,071: P10 ~ 150,000 - 1.2816 x 7,071 = 140,938 (a Binomial(300, 1/2) would give 138,900).
  EXPECT_NEAR(result.months[0].expected_from_open, 150000, 1000);
  EXPECT_NEAR(result.months[0].p10, 140938, 1500);
  EXPECT_NEAR(result.months[0].p90, 159062, 1500);
}

TEST(ForecastSimulationTest, CloseTimeIsDrawnAmongCyclesLongerThanTheDealsAge) {
  History h;
  // Won cycles: two of 10 days, two of 40.
  h.Won("2017-01-02", "2017-01-12");
  h.Won("2017-01-03", "2017-01-13");
  h.Won("2017-01-02", "2017-02-11");
  h.Won("2017-01-03", "2017-02-12");
  h.Engaging("2017-12-11");  // 20 days open: only 40-day cycles remain, closes 2018-01-20
  h.Engaging("2017-12-31");  // just engaged: 2018-01-10 or 2018-02-09, even odds
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 1.0));
  const ForecastPeriod &january = result.months[0], &february = result.months[1];
  EXPECT_DOUBLE_EQ(january.p10, 1000);
  EXPECT_DOUBLE_EQ(january.p90, 2000);
  EXPECT_NEAR(january.expected_from_open, 1500, 30);  // 1,000 + 1,000 / 2; standard error 500 / sqrt(2000)
  EXPECT_NEAR(february.expected_from_open, 500, 30);
  // Both are won within the quarter in every run: its P10 is 2,000, not the months' P10s added (1,000 + 0).
  ExpectSure(result.next_quarter, 2000);
}

TEST(ForecastSimulationTest, ManyDealsSplitOverMonthsKeepTheirMonthsNegativelyCorrelated) {
  History h;
  // Won cycles: two of 10 days, two of 40; 400 deals just engaged at 1/2 close in January or February.
  h.Won("2017-01-02", "2017-01-12");
  h.Won("2017-01-03", "2017-01-13");
  h.Won("2017-01-02", "2017-02-11");
  h.Won("2017-01-03", "2017-02-12");
  for (int i = 0; i < 400; ++i) h.Engaging("2017-12-31");
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 0.5));
  // Each deal wins in January with 1/4, in February with 1/4 (exclusive): January ~ 100 +- 8.66 deals,
  // P90 100,000 + 1.2816 x 8,660 = 111,099. The quarter counts every winner, 200 +- 10 deals: P90 212,816;
  // months drawn independently would give 200 +- 12.2 (P90 215,700).
  const ForecastPeriod& january = result.months[0];
  EXPECT_NEAR(january.expected_from_open, 100000, 600);
  EXPECT_NEAR(january.p90, 111099, 1200);
  EXPECT_NEAR(result.next_quarter.expected_from_open, 200000, 700);
  EXPECT_NEAR(result.next_quarter.p10, 187184, 1200);
  EXPECT_NEAR(result.next_quarter.p90, 212816, 1200);
}

TEST(ForecastSimulationTest, DealsAsOldAsEveryWonCycleCloseWithinThirtyDays) {
  History h;
  h.ThirtyDayWins();
  for (int i = 0; i < 400; ++i) h.Engaging("2017-11-20");  // 30 days open at 2017-12-20: no cycle is longer
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-20", All(data, 1.0));
  EXPECT_EQ(result.open_deals_past_longest_cycle, 400);
  EXPECT_EQ(result.open_deals_stalled, 0);  // stalled only when older than the P95 cycle, 30 days
  // Closes even over 2017-12-21 .. 2018-01-19: 11 of 30 days in December, 19 in January. December:
  // 400,000 x 11/30 = 146,667 (count sd sqrt(400 x 11/30 x 19/30) = 9.6 deals; standard error 216).
  ASSERT_EQ(result.months[0].label, "2017-12");
  EXPECT_NEAR(result.months[0].expected_from_open, 400000.0 * 11 / 30, 1500);
  EXPECT_NEAR(result.months[1].expected_from_open, 400000.0 * 19 / 30, 1500);
  EXPECT_DOUBLE_EQ(result.months[2].p90, 0);
  EXPECT_NEAR(result.next_quarter.expected_from_open, 400000.0 * 19 / 30, 1500);
  EXPECT_LT(result.next_quarter.p10, result.next_quarter.p90);
}

TEST(ForecastSimulationTest, StalledDealsThatNoStalledDealEverWonBringNothing) {
  History h;
  h.ThirtyDayWins();
  for (int i = 0; i < 400; ++i) h.Engaging("2017-10-01");  // 80 days open at 2017-12-20: stalled since 31
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-20", All(data, 1.0));
  // The model says 1, but no deal ever won after outliving the 30-day cycle: none of them is won.
  EXPECT_EQ(result.open_deals_stalled, 400);
  EXPECT_EQ(result.open_deals_simulated, 400);
  EXPECT_EQ(result.stalled_history_deals, 400);
  EXPECT_EQ(result.stalled_history_won, 0);
  EXPECT_DOUBLE_EQ(result.stalled_expected_wins, 0);
  EXPECT_DOUBLE_EQ(result.stalled_value, 400000);
  for (const ForecastPeriod& month : result.months) ExpectSure(month, 0);
  bool noted = false;
  for (const std::string& note : result.notes) noted = noted || note.find("Stalled deals") == 0;
  EXPECT_TRUE(noted);
}

TEST(ForecastSimulationTest, AlreadyWonCountsWinsFromTheStartOfTheAsOfMonth) {
  History h;
  h.ThirtyDayWins();
  h.Won("2017-01-05", "2017-12-05", 500);  // in December, before the as-of date
  h.Won("2017-01-06", "2017-11-30", 700);  // November: not in any forecast period
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-15", All(data, 1.0));
  // December is not over: December, then January-March 2018.
  ASSERT_EQ(result.months.size(), 4u);
  EXPECT_EQ(result.months[0].label, "2017-12");
  EXPECT_DOUBLE_EQ(result.months[0].already_won, 500);
  ExpectSure(result.months[0], 500);
  EXPECT_DOUBLE_EQ(result.next_quarter.already_won, 0);
  ExpectSure(result.next_quarter, 0);
}

TEST(ForecastSimulationTest, ProspectingDealsAreCountedButLeftToNewBusiness) {
  History h;
  h.ThirtyDayWins();
  h.Engaging("2017-12-20");
  h.Prospecting();
  h.Prospecting();
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 1.0));
  EXPECT_EQ(result.prospecting_deals, 2);
  EXPECT_EQ(result.open_deals_simulated, 1);
  ExpectSure(result.next_quarter, 1000);  // the engaged deal alone, though the prospects have p = 1
}

TEST(ForecastSimulationTest, UnknownProbabilityFallsBackToTheProductsWinRate) {
  History h;
  h.ThirtyDayWins();
  h.Lost("2017-01-05", "2017-02-04");
  for (int i = 0; i < 400; ++i) h.Engaging("2017-12-20");
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, kNoNumber));
  // 3 won of 4 closed; the one product's rate, steadied toward the overall rate (also 3/4), stays 0.75:
  // 400 x 0.75 x 1,000 = 300,000 in January (sd sqrt(400 x 0.75 x 0.25) x 1,000 = 8,660; s.e. 194).
  EXPECT_EQ(result.open_deals_without_probability, 400);
  EXPECT_NEAR(result.months[0].expected_from_open, 300000, 1500);
  // An empty span means the same.
  const ForecastResult empty = SimulateForecast(data, Day("2017-12-31"), {}, {2000, 1});
  EXPECT_EQ(empty.open_deals_without_probability, 400);
  EXPECT_DOUBLE_EQ(empty.months[0].p50, result.months[0].p50);
}

TEST(ForecastSimulationTest, SameSeedSameForecastOtherSeedOtherDraws) {
  History h;
  h.ThirtyDayWins();
  for (int i = 0; i < 400; ++i) h.Engaging("2017-12-20");
  const Dataset data = h.builder.Build();
  const std::vector<double> p = All(data, 0.5);
  EXPECT_EQ(ToJson(Simulate(data, "2017-12-31", p, 5)).dump(),
            ToJson(Simulate(data, "2017-12-31", p, 5)).dump());
  EXPECT_NE(Simulate(data, "2017-12-31", p, 5).months[0].expected_from_open,
            Simulate(data, "2017-12-31", p, 6).months[0].expected_from_open);
}

TEST(ForecastSimulationTest, OneThreadOrTwoDrawTheSameForecast) {
  History h;
  // Won cycles of 1 to 130 weeks; then one open deal a week for 120 weeks, none stalled, at probabilities of
  // 19 different bands: 120 timing groups and as many win groups, enough for the runs to be drawn on two
  // threads when two are allowed.
  for (int weeks = 1; weeks <= 130; ++weeks) {
    h.Won("2015-01-01", FormatIsoDate(Day("2015-01-01") + 7 * weeks));
  }
  std::vector<int32_t> rows;
  for (int week = 0; week < 120; ++week) {
    rows.push_back(h.Engaging(FormatIsoDate(Day("2017-12-31") - 7 * week)));
  }
  const Dataset data = h.builder.Build();
  std::vector<double> p(data.opportunities.size(), kNoNumber);
  for (size_t i = 0; i < rows.size(); ++i) p[static_cast<size_t>(rows[i])] = (i % 19 + 0.5) / 20;
  const ForecastResult one = SimulateForecast(data, Day("2017-12-31"), p, {2000, 7, 1});
  const ForecastResult two = SimulateForecast(data, Day("2017-12-31"), p, {2000, 7, 2});
  EXPECT_GT(one.next_quarter.p90, one.next_quarter.p10);  // the deals' outcomes vary between runs
  EXPECT_EQ(ToJson(one).dump(), ToJson(two).dump());
}

TEST(ForecastSimulationTest, NewBusinessIsOnePastDatesRevenuePerRun) {
  History h;
  h.Won("2017-01-02", "2017-02-01");
  h.Won("2017-09-05", "2017-10-10", 600);  // engaged after 2017-07-31 and 2017-08-31 only
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 1.0));
  // Reference dates 2017-04-30 .. 2017-09-30. After 2017-08-31 the 600 falls in the 2nd month (October),
  // standing for February; after 2017-07-31 in the 3rd (October again), standing for March. Each is drawn
  // in 1 run of 6: 100 expected in each month, 200 in the quarter, whose runs are 0 (4 in 6) or 600.
  EXPECT_EQ(result.new_business_reference_dates, 6);
  EXPECT_DOUBLE_EQ(result.months[0].p90, 0);
  EXPECT_NEAR(result.months[1].expected_new_business, 100, 30);
  EXPECT_NEAR(result.months[2].expected_new_business, 100, 30);
  EXPECT_NEAR(result.next_quarter.expected_new_business, 200, 40);
  EXPECT_DOUBLE_EQ(result.next_quarter.p10, 0);
  EXPECT_DOUBLE_EQ(result.next_quarter.p50, 0);
  EXPECT_DOUBLE_EQ(result.next_quarter.p90, 600);
}

TEST(ForecastSimulationTest, ShortHistoryUsesTheFewReferenceDatesItHasAndSaysSo) {
  History h;
  h.Won("2017-08-01", "2017-08-15");
  const Dataset data = h.builder.Build();
  const ForecastResult result = Simulate(data, "2017-12-31", All(data, 1.0));
  // 2017-09-30 and 2017-08-31 start after the first win (2017-08-15); 2017-07-31 does not.
  EXPECT_EQ(result.new_business_reference_dates, 2);
  bool said = false;
  for (const std::string& note : result.notes) said = said || note.find("Fewer than 3") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(ForecastSimulationTest, RejectsInputsThatAreBugs) {
  History h;
  h.ThirtyDayWins();
  h.Engaging("2017-12-20");
  const Dataset data = h.builder.Build();
  EXPECT_THROW(Simulate(data, "2017-12-31", std::vector<double>(2, 0.5)), std::invalid_argument);
  EXPECT_THROW(Simulate(data, "2017-12-31", All(data, 1.5)), std::invalid_argument);
  EXPECT_NO_THROW(Simulate(data, "2017-12-31", All(data, 1 + 1e-15)));  // rounding, clamped
  EXPECT_THROW(SimulateForecast(data, Day("2017-12-31"), {}, {0, 1}), std::invalid_argument);
  EXPECT_THROW(SimulateForecast(data, Day("2017-12-31"), {}, {10, 1, 0}), std::invalid_argument);
}

TEST(ForecastSimulationTest, JsonCarriesPeriodsCountsAndNotes) {
  History h;
  h.ThirtyDayWins();
  h.Engaging("2017-12-20");
  const Dataset data = h.builder.Build();
  const nlohmann::json json = ToJson(Simulate(data, "2017-12-31", All(data, 1.0)));
  EXPECT_EQ(json["as_of"], "2017-12-31");
  ASSERT_EQ(json["months"].size(), 3u);
  EXPECT_EQ(json["months"][0]["label"], "2018-01");
  EXPECT_EQ(json["months"][0]["first_day"], "2018-01-01");
  EXPECT_DOUBLE_EQ(json["next_quarter"]["p50"].get<double>(), 1000);
  EXPECT_DOUBLE_EQ(json["next_quarter"]["expected_total"].get<double>(), 1000);
  EXPECT_EQ(json["open_deals_simulated"], 1);
  EXPECT_FALSE(json["notes"].empty());
}

}  // namespace
}  // namespace crm::models
