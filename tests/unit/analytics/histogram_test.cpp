#include "crm/analytics/histogram.h"

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crm::analytics {
namespace {

TEST(HistogramTest, BinsOverTheValuesAndCountsMissingApart) {
  const std::vector<double> values = {0, 1, 2, 10, NAN, 9.99};
  const Histogram histogram = EqualWidthHistogram(values, 5);
  EXPECT_DOUBLE_EQ(histogram.low, 0);
  EXPECT_DOUBLE_EQ(histogram.width, 2);
  EXPECT_EQ(histogram.counts, (std::vector<int64_t>{2, 1, 0, 0, 2}));  // the largest value joins the last bin
  EXPECT_EQ(histogram.missing, 1);
}

TEST(HistogramTest, AFixedRangeClampsValuesOutsideIt) {
  const std::vector<double> values = {-5, 0, 55, 99.9, 100, 120};
  const Histogram histogram = EqualWidthHistogram(values, 10, HistogramRange{0, 100});
  ASSERT_EQ(histogram.counts.size(), 10u);
  EXPECT_EQ(histogram.counts[0], 2);
  EXPECT_EQ(histogram.counts[5], 1);
  EXPECT_EQ(histogram.counts[9], 3);
}

TEST(HistogramTest, OneRepeatedValueGivesOneBinAndNoValuesGiveNone) {
  const std::vector<double> same = {7, 7, 7};
  const Histogram one = EqualWidthHistogram(same, 8);
  EXPECT_EQ(one.counts, (std::vector<int64_t>{3}));
  EXPECT_DOUBLE_EQ(one.low, 7);
  const std::vector<double> missing = {NAN, NAN};
  const Histogram none = EqualWidthHistogram(missing, 8);
  EXPECT_TRUE(none.counts.empty());
  EXPECT_EQ(none.missing, 2);
}

TEST(HistogramTest, TheChartHasALabelAndACountPerBin) {
  const std::vector<double> values = {0, 1500, 3000};
  const ChartSpec chart = HistogramChart(EqualWidthHistogram(values, 2),
                                         {"deal_size", "Deal size", "USD", "close value", "won deals"});
  EXPECT_EQ(chart.type, "histogram");
  EXPECT_EQ(chart.labels, (std::vector<std::string>{"0–1,500", "1,500–3,000"}));
  ASSERT_EQ(chart.series.size(), 1u);
  EXPECT_EQ(chart.series[0].name, "won deals");
  EXPECT_EQ(chart.series[0].values, (std::vector<double>{1, 2}));
  const nlohmann::json json = ChartJson(chart);
  EXPECT_EQ(json["id"], "deal_size");
  EXPECT_EQ(json["unit"], "count");
  EXPECT_EQ(json["series"][0]["values"], nlohmann::json({1, 2}));
}

}  // namespace
}  // namespace crm::analytics
