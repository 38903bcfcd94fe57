#include "crm/models/metrics.h"

#include <cmath>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crm::models {
namespace {

TEST(MetricsTest, AucCountsPairsRankedRight) {
  // Pairs (positive, negative): 0.35 > 0.1 yes, 0.35 > 0.4 no, 0.8 > 0.1 yes, 0.8 > 0.4 yes: 3 of 4.
  EXPECT_DOUBLE_EQ(Auc(std::vector<float>{0.1f, 0.4f, 0.35f, 0.8f}, std::vector<float>{0, 0, 1, 1}), 0.75);
}

TEST(MetricsTest, AucCountsTiesAsHalf) {
  // Average ranks 1, 2.5, 2.5, 4; positives hold 2.5 + 4 = 6.5; U = 6.5 - 2*3/2 = 3.5; AUC = 3.5 / 4.
  EXPECT_DOUBLE_EQ(Auc(std::vector<float>{0.2f, 0.5f, 0.5f, 0.9f}, std::vector<float>{0, 0, 1, 1}), 0.875);
}

TEST(MetricsTest, AucOfPerfectReversedAndConstantScores) {
  const std::vector<float> labels = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(Auc(std::vector<float>{0.1f, 0.2f, 0.8f, 0.9f}, labels), 1.0);
  EXPECT_DOUBLE_EQ(Auc(std::vector<float>{0.9f, 0.8f, 0.2f, 0.1f}, labels), 0.0);
  EXPECT_DOUBLE_EQ(Auc(std::vector<float>{0.3f, 0.3f, 0.3f, 0.3f}, labels), 0.5);
}

TEST(MetricsTest, AucIsUndefinedWithOneClass) {
  EXPECT_TRUE(std::isnan(Auc(std::vector<float>{0.2f, 0.7f}, std::vector<float>{1, 1})));
  EXPECT_TRUE(std::isnan(Auc(std::vector<float>{}, std::vector<float>{})));
}

TEST(MetricsTest, MismatchedLengthsAreABug) {
  EXPECT_THROW(Auc(std::vector<float>{0.2f}, std::vector<float>{1, 0}), std::invalid_argument);
}

TEST(MetricsTest, LogLossAndBrierByHand) {
  const std::vector<float> scores = {0.8f, 0.4f};
  const std::vector<float> labels = {1, 0};
  // -(ln 0.8 + ln 0.6) / 2 = (0.2231436 + 0.5108256) / 2.
  EXPECT_NEAR(LogLoss(scores, labels), 0.3669846, 1e-6);
  // ((0.8 - 1)^2 + (0.4 - 0)^2) / 2 = (0.04 + 0.16) / 2.
  EXPECT_NEAR(Brier(scores, labels), 0.1, 1e-6);
  // A certain wrong answer is clipped at 1e-15: -ln(1e-15) = 15 ln 10.
  EXPECT_NEAR(LogLoss(std::vector<float>{0}, std::vector<float>{1}), 15 * std::log(10.0), 1e-6);
  EXPECT_TRUE(std::isnan(Brier(std::vector<float>{}, std::vector<float>{})));
}

TEST(MetricsTest, ThresholdMetricsByHand) {
  const std::vector<float> scores = {0.2f, 0.5f, 0.7f, 0.4f};
  const std::vector<float> labels = {0, 1, 0, 1};
  // At 0.5 (inclusive) rows 1 and 2 are predicted positive: tp = row 1, fp = row 2, tn = row 0, fn = row 3.
  const ThresholdMetrics at = AtThreshold(scores, labels, 0.5);
  EXPECT_EQ(at.tp, 1);
  EXPECT_EQ(at.fp, 1);
  EXPECT_EQ(at.tn, 1);
  EXPECT_EQ(at.fn, 1);
  EXPECT_DOUBLE_EQ(at.precision, 0.5);
  EXPECT_DOUBLE_EQ(at.recall, 0.5);
  EXPECT_DOUBLE_EQ(at.f1, 0.5);
  EXPECT_DOUBLE_EQ(at.accuracy, 0.5);
  // At 0.3 rows 1, 2 and 3 are predicted positive: rows 0, 1 and 3 right.
  EXPECT_DOUBLE_EQ(Accuracy(scores, labels, 0.3), 0.75);
}

TEST(MetricsTest, ThresholdMetricsWhenNothingIsPredictedPositive) {
  const std::vector<float> scores = {0.2f, 0.5f, 0.7f, 0.4f};
  // Nothing reaches 0.9: tn = 2, fn = 2; precision undefined, recall 0, F1 = 0 / (0 + 0 + 2) = 0.
  const ThresholdMetrics at = AtThreshold(scores, std::vector<float>{0, 1, 0, 1}, 0.9);
  EXPECT_TRUE(std::isnan(at.precision));
  EXPECT_DOUBLE_EQ(at.recall, 0);
  EXPECT_DOUBLE_EQ(at.f1, 0);
  EXPECT_DOUBLE_EQ(at.accuracy, 0.5);
  // No positives at all and none predicted: recall and F1 undefined, every row right.
  const ThresholdMetrics none = AtThreshold(scores, std::vector<float>{0, 0, 0, 0}, 0.9);
  EXPECT_TRUE(std::isnan(none.recall));
  EXPECT_TRUE(std::isnan(none.f1));
  EXPECT_DOUBLE_EQ(none.accuracy, 1);
}

TEST(MetricsTest, MajorityBaselineIsTheLargerClassShare) {
  EXPECT_DOUBLE_EQ(MajorityBaselineAccuracy(std::vector<float>{1, 1, 0, 1, 0}), 0.6);
  EXPECT_DOUBLE_EQ(MajorityBaselineAccuracy(std::vector<float>{0, 0, 0, 1}), 0.75);
  EXPECT_TRUE(std::isnan(MajorityBaselineAccuracy(std::vector<float>{})));
}

TEST(MetricsTest, CalibrationBinsAndEceByHand) {
  const std::vector<float> scores = {0.05f, 0.15f, 0.12f, 0.95f, 1.0f, 0.5f};
  const std::vector<float> labels = {0, 1, 0, 1, 1, 0};
  const Calibration table = CalibrationTable(scores, labels);
  ASSERT_EQ(table.bins.size(), 10u);
  // [0, 0.1): 0.05, no positive.   [0.1, 0.2): 0.15 and 0.12, one positive: mean 0.135, rate 0.5.
  // [0.5, 0.6): 0.5, no positive.  [0.9, 1]: 0.95 and 1.0 (1 falls in the last bin), both positive.
  EXPECT_EQ(table.bins[0].count, 1);
  EXPECT_NEAR(table.bins[0].mean_predicted, 0.05, 1e-6);
  EXPECT_DOUBLE_EQ(table.bins[0].actual_rate, 0);
  EXPECT_EQ(table.bins[1].count, 2);
  EXPECT_NEAR(table.bins[1].mean_predicted, 0.135, 1e-6);
  EXPECT_DOUBLE_EQ(table.bins[1].actual_rate, 0.5);
  EXPECT_EQ(table.bins[5].count, 1);
  EXPECT_DOUBLE_EQ(table.bins[5].low, 0.5);
  EXPECT_EQ(table.bins[9].count, 2);
  EXPECT_NEAR(table.bins[9].mean_predicted, 0.975, 1e-6);
  EXPECT_DOUBLE_EQ(table.bins[9].high, 1.0);
  EXPECT_EQ(table.bins[3].count, 0);
  EXPECT_TRUE(std::isnan(table.bins[3].mean_predicted));
  EXPECT_TRUE(std::isnan(table.bins[3].actual_rate));
  // ECE = (1 * 0.05 + 2 * 0.365 + 1 * 0.5 + 2 * 0.025) / 6 = 1.33 / 6.
  EXPECT_NEAR(table.ece, 1.33 / 6, 1e-6);
}

TEST(MetricsTest, CalibrationWithTwoBins) {
  // [0, 0.5): 0.2 and 0.4, one positive: |0.3 - 0.5| = 0.2.  [0.5, 1]: 0.6, positive: |0.6 - 1| = 0.4.
  const Calibration table =
      CalibrationTable(std::vector<float>{0.2f, 0.4f, 0.6f}, std::vector<float>{1, 0, 1}, 2);
  ASSERT_EQ(table.bins.size(), 2u);
  EXPECT_EQ(table.bins[0].count, 2);
  EXPECT_EQ(table.bins[1].count, 1);
  EXPECT_NEAR(table.ece, (2 * 0.2 + 1 * 0.4) / 3, 1e-6);
}

TEST(MetricsTest, EvaluateGathersEveryFigureAndWritesJson) {
  const std::vector<float> scores = {0.1f, 0.4f, 0.35f, 0.8f};
  const std::vector<float> labels = {0, 0, 1, 1};
  const BinaryMetrics metrics = Evaluate(scores, labels);
  EXPECT_DOUBLE_EQ(metrics.auc, 0.75);
  EXPECT_EQ(metrics.n, 4);
  EXPECT_DOUBLE_EQ(metrics.positive_rate, 0.5);
  EXPECT_DOUBLE_EQ(metrics.baseline_accuracy, 0.5);
  // At 0.5 only 0.8 is predicted positive: rows 0, 1 and 3 right.
  EXPECT_DOUBLE_EQ(metrics.accuracy, 0.75);
  EXPECT_DOUBLE_EQ(metrics.at_threshold.precision, 1);
  EXPECT_DOUBLE_EQ(metrics.at_threshold.recall, 0.5);

  const nlohmann::json json = ToJson(metrics);
  EXPECT_DOUBLE_EQ(json["auc"].get<double>(), 0.75);
  EXPECT_EQ(json["n"].get<int64_t>(), 4);
  EXPECT_DOUBLE_EQ(json["threshold"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(json["recall"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(json["f1"].get<double>(), 2.0 / 3);  // 2 * 1 / (2 * 1 + 0 + 1)
  EXPECT_EQ(json["confusion"]["fn"].get<int64_t>(), 1);
  for (const char* key :
       {"log_loss", "brier", "accuracy", "baseline_accuracy", "positive_rate", "precision"}) {
    EXPECT_TRUE(json.contains(key)) << key;
  }
  ASSERT_EQ(json["calibration"]["bins"].size(), 10u);
  EXPECT_NEAR(json["calibration"]["bins"][3]["mean_predicted"].get<double>(), 0.35, 1e-6);  // 0.35 alone
  EXPECT_TRUE(json["calibration"]["bins"][5]["mean_predicted"].is_null());  // [0.5, 0.6) is empty
  EXPECT_EQ(json["calibration"]["bins"][5]["count"].get<int64_t>(), 0);
  EXPECT_TRUE(json["calibration"]["ece"].is_number());
}

TEST(MetricsTest, EvaluateOfOneClassWritesNullAuc) {
  const nlohmann::json json = ToJson(Evaluate(std::vector<float>{0.3f, 0.6f}, std::vector<float>{1, 1}));
  EXPECT_TRUE(json["auc"].is_null());
  EXPECT_DOUBLE_EQ(json["positive_rate"].get<double>(), 1);
}

//! Appends `count` rows of one score and label to a group.
void AddRows(std::vector<float>& scores, std::vector<float>& labels, std::vector<int32_t>& codes, int count,
             float score, float label, int32_t code) {
  for (int i = 0; i < count; ++i) {
    scores.push_back(score);
    labels.push_back(label);
    codes.push_back(code);
  }
}

class GroupMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A (40 rows): positives at 0.8, negatives at 0.2: AUC 1, accuracy 1, mean 0.5, rate 0.5, bias 0.
    AddRows(scores_, labels_, codes_, 20, 0.8f, 1, 0);
    AddRows(scores_, labels_, codes_, 20, 0.2f, 0, 0);
    // B (40 rows): 20 positives at 0.6; 10 negatives at 0.6, 10 at 0.4.
    // AUC = (10 * 1 + 10 * 0.5) / 20 = 0.75; accuracy = (20 + 10) / 40 = 0.75;
    // mean = (30 * 0.6 + 10 * 0.4) / 40 = 0.55; rate 0.5; bias 0.05.
    AddRows(scores_, labels_, codes_, 20, 0.6f, 1, 1);
    AddRows(scores_, labels_, codes_, 10, 0.6f, 0, 1);
    AddRows(scores_, labels_, codes_, 10, 0.4f, 0, 1);
    // C (5 rows, too small for the gaps): one positive at 0.1, four negatives at 0.9: AUC 0, accuracy 0,
    // mean 0.74, rate 0.2; it would have the largest gap in every figure if it counted.
    AddRows(scores_, labels_, codes_, 1, 0.1f, 1, 2);
    AddRows(scores_, labels_, codes_, 4, 0.9f, 0, 2);
    // Rows without a group, and D without rows: neither appears.
    AddRows(scores_, labels_, codes_, 3, 0.0f, 1, -1);
  }

  std::vector<float> scores_;
  std::vector<float> labels_;
  std::vector<int32_t> codes_;
  std::vector<std::string> names_ = {"A", "B", "C", "D"};
};

TEST_F(GroupMetricsTest, FiguresPerGroup) {
  const std::vector<GroupMetrics> groups = MetricsByGroup(scores_, labels_, codes_, names_);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].name, "A");
  EXPECT_EQ(groups[0].n, 40);
  EXPECT_DOUBLE_EQ(groups[0].auc, 1);
  EXPECT_DOUBLE_EQ(groups[0].accuracy, 1);
  EXPECT_NEAR(groups[0].mean_predicted, 0.5, 1e-6);
  EXPECT_DOUBLE_EQ(groups[0].actual_rate, 0.5);
  EXPECT_EQ(groups[1].name, "B");
  EXPECT_DOUBLE_EQ(groups[1].auc, 0.75);
  EXPECT_DOUBLE_EQ(groups[1].accuracy, 0.75);
  EXPECT_NEAR(groups[1].mean_predicted, 0.55, 1e-6);
  EXPECT_EQ(groups[2].name, "C");
  EXPECT_EQ(groups[2].n, 5);
  EXPECT_DOUBLE_EQ(groups[2].auc, 0);
  EXPECT_NEAR(groups[2].mean_predicted, 0.74, 1e-6);
  EXPECT_DOUBLE_EQ(groups[2].actual_rate, 0.2);
}

TEST_F(GroupMetricsTest, LargestGapLeavesSmallGroupsOut) {
  const FairnessGap gap = LargestGap(MetricsByGroup(scores_, labels_, codes_, names_));
  EXPECT_EQ(gap.auc.highest_group, "A");
  EXPECT_EQ(gap.auc.lowest_group, "B");
  EXPECT_DOUBLE_EQ(gap.auc.gap, 0.25);
  EXPECT_EQ(gap.accuracy.lowest_group, "B");
  EXPECT_DOUBLE_EQ(gap.accuracy.gap, 0.25);
  EXPECT_EQ(gap.bias.highest_group, "B");
  EXPECT_EQ(gap.bias.lowest_group, "A");
  EXPECT_NEAR(gap.bias.gap, 0.05, 1e-6);
  EXPECT_EQ(gap.excluded_groups, std::vector<std::string>{"C"});

  const nlohmann::json json = ToJson(gap);
  EXPECT_EQ(json["auc"]["highest_group"], "A");
  EXPECT_DOUBLE_EQ(json["accuracy"]["gap"].get<double>(), 0.25);
  EXPECT_EQ(json["min_group_rows"].get<int64_t>(), 30);
  EXPECT_EQ(json["excluded_groups"], nlohmann::json::array({"C"}));
  EXPECT_NE(json["note"].get<std::string>().find("fewer than 30 rows"), std::string::npos);
}

TEST_F(GroupMetricsTest, GapNeedsTwoGroupsWithAValue) {
  // With a limit of 40 only A and B count; with 41 none does: no gap, null names.
  const std::vector<GroupMetrics> groups = MetricsByGroup(scores_, labels_, codes_, names_);
  EXPECT_DOUBLE_EQ(LargestGap(groups, 40).auc.gap, 0.25);
  const FairnessGap none = LargestGap(groups, 41);
  EXPECT_TRUE(std::isnan(none.auc.gap));
  EXPECT_EQ(none.excluded_groups.size(), 3u);
  const nlohmann::json json = ToJson(none);
  EXPECT_TRUE(json["auc"]["highest_group"].is_null());
  EXPECT_TRUE(json["bias"]["gap"].is_null());
}

TEST_F(GroupMetricsTest, GroupJsonListsEveryGroup) {
  const nlohmann::json json = ToJson(MetricsByGroup(scores_, labels_, codes_, names_));
  ASSERT_EQ(json.size(), 3u);
  EXPECT_EQ(json[1]["name"], "B");
  EXPECT_EQ(json[1]["n"].get<int64_t>(), 40);
  EXPECT_DOUBLE_EQ(json[1]["auc"].get<double>(), 0.75);
  EXPECT_TRUE(json[1].contains("mean_predicted"));
  EXPECT_DOUBLE_EQ(json[1]["actual_rate"].get<double>(), 0.5);
}

TEST_F(GroupMetricsTest, CodeWithoutANameIsABug) {
  codes_[0] = 4;
  EXPECT_THROW(MetricsByGroup(scores_, labels_, codes_, names_), std::invalid_argument);
}

}  // namespace
}  // namespace crm::models
