#include "crm/models/calibrator.h"

#include <cmath>
#include <random>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crm::models {
namespace {

//! A uniform draw in [0, 1) from the top 53 bits.
double Uniform(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

TEST(IsotonicCalibratorTest, PoolsAdjacentViolators) {
  // Labels in score order 1,0,1,1,0,1. PAV: [1] then 0 pools {1,0} = 0.5; 1, 1 rise; the next 0 pools
  // with the last 1 (0.5), which is below the 1 before it, so {1,1,0} = 2/3; the last 1 rises.
  // Blocks: {0.1, 0.2} -> 0.5 centred at 0.15; {0.3, 0.4, 0.5} -> 2/3 at 0.4; {0.6} -> 1 at 0.6.
  const IsotonicCalibrator calibrator = IsotonicCalibrator::Fit(
      std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, std::vector<float>{1, 0, 1, 1, 0, 1});
  ASSERT_EQ(calibrator.x().size(), 3u);
  EXPECT_NEAR(calibrator.x()[0], 0.15, 1e-6);
  EXPECT_NEAR(calibrator.x()[1], 0.4, 1e-6);
  EXPECT_NEAR(calibrator.x()[2], 0.6, 1e-6);
  EXPECT_DOUBLE_EQ(calibrator.y()[0], 0.5);
  EXPECT_DOUBLE_EQ(calibrator.y()[1], 2.0 / 3);
  EXPECT_DOUBLE_EQ(calibrator.y()[2], 1.0);
  // Halfway between 0.15 and 0.4: 0.5 + (2/3 - 0.5) / 2 = 7/12. Beyond the ends: the end values.
  EXPECT_NEAR(calibrator.Apply(0.275), 7.0 / 12, 1e-6);
  EXPECT_DOUBLE_EQ(calibrator.Apply(0.0), 0.5);
  EXPECT_DOUBLE_EQ(calibrator.Apply(0.95), 1.0);
  EXPECT_TRUE(std::isnan(calibrator.Apply(std::nan(""))));
}

TEST(IsotonicCalibratorTest, MergesTiedScoresFirst) {
  // The two rows at 0.2 (one positive) are one point of rate 0.5, whatever their order; then 0.5 -> 1.
  const IsotonicCalibrator calibrator =
      IsotonicCalibrator::Fit(std::vector<float>{0.5f, 0.2f, 0.2f}, std::vector<float>{1, 0, 1});
  ASSERT_EQ(calibrator.x().size(), 2u);
  EXPECT_NEAR(calibrator.x()[0], 0.2, 1e-6);
  EXPECT_NEAR(calibrator.x()[1], 0.5, 1e-6);
  EXPECT_DOUBLE_EQ(calibrator.y()[0], 0.5);
  EXPECT_DOUBLE_EQ(calibrator.y()[1], 1.0);
}

TEST(IsotonicCalibratorTest, OutputIsMonotoneWithinZeroAndOne) {
  std::mt19937_64 rng(11);
  std::vector<float> scores;
  std::vector<float> labels;
  for (int i = 0; i < 2000; ++i) {
    const double score = Uniform(rng);
    scores.push_back(static_cast<float>(score));
    labels.push_back(Uniform(rng) < 0.2 + 0.6 * score ? 1.0f : 0.0f);
  }
  const IsotonicCalibrator calibrator = IsotonicCalibrator::Fit(scores, labels);
  EXPECT_GT(calibrator.x().size(), 2u);
  double previous = -1;
  for (int step = -10; step <= 1010; ++step) {
    const double value = calibrator.Apply(step / 1000.0);
    ASSERT_GE(value, previous) << step;
    ASSERT_GE(value, 0.0);
    ASSERT_LE(value, 1.0);
    previous = value;
  }
}

TEST(IsotonicCalibratorTest, NoRowsGiveTheIdentity) {
  const IsotonicCalibrator calibrator = IsotonicCalibrator::Fit(std::vector<float>{}, std::vector<float>{});
  EXPECT_DOUBLE_EQ(calibrator.Apply(0.3), 0.3);
  EXPECT_DOUBLE_EQ(calibrator.Apply(1.0), 1.0);
}

TEST(IsotonicCalibratorTest, JsonRoundTrip) {
  const IsotonicCalibrator fitted = IsotonicCalibrator::Fit(
      std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f}, std::vector<float>{1, 0, 1, 1, 0, 1});
  const nlohmann::json json = fitted.ToJson();
  EXPECT_EQ(json["kind"], "isotonic");
  const Result<IsotonicCalibrator> read = IsotonicCalibrator::FromJson(nlohmann::json::parse(json.dump()));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->x(), fitted.x());
  EXPECT_EQ(read->y(), fitted.y());
  EXPECT_DOUBLE_EQ(read->Apply(0.33), fitted.Apply(0.33));
}

TEST(IsotonicCalibratorTest, BadJsonIsRejected) {
  const auto rejects = [](const char* text) {
    return !IsotonicCalibrator::FromJson(nlohmann::json::parse(text)).ok();
  };
  EXPECT_FALSE(rejects(R"({"kind":"isotonic","x":[0.1,0.5],"y":[0.2,0.9]})"));
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.5,0.1],"y":[0.2,0.9]})"));   // x not sorted
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.1,0.1],"y":[0.2,0.9]})"));   // x repeated
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.1,0.5],"y":[0.9,0.2]})"));   // y decreasing
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.1,0.5],"y":[0.2,1.5]})"));   // y above 1
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.1,0.5],"y":[-0.2,0.5]})"));  // y below 0
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.1,0.5],"y":[0.2]})"));       // lengths differ
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[],"y":[]})"));                 // no knots
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","x":[0.1,"a"],"y":[0.2,0.9]})"));   // not a number
  EXPECT_TRUE(rejects(R"({"kind":"isotonic","y":[0.2,0.9]})"));                 // x missing
  EXPECT_TRUE(rejects(R"({"kind":"platt","x":[0.1,0.5],"y":[0.2,0.9]})"));      // wrong kind
  EXPECT_TRUE(rejects(R"([1,2])"));                                             // not an object
}

TEST(PlattCalibratorTest, RecoversTheSlopeAndInterceptOfLogisticData) {
  // Logits uniform on [-3, 3], labels drawn with P(1) = sigmoid(2 z - 0.5); with 20,000 rows the standard
  // error of a is about 0.015, so 0.1 is a wide margin.
  std::mt19937_64 rng(5);
  std::vector<float> scores;
  std::vector<float> labels;
  for (int i = 0; i < 20000; ++i) {
    const double z = -3 + 6 * Uniform(rng);
    scores.push_back(static_cast<float>(1 / (1 + std::exp(-z))));
    labels.push_back(Uniform(rng) < 1 / (1 + std::exp(-(2 * z - 0.5))) ? 1.0f : 0.0f);
  }
  const PlattCalibrator calibrator = PlattCalibrator::Fit(scores, labels);
  EXPECT_NEAR(calibrator.a(), 2.0, 0.1);
  EXPECT_NEAR(calibrator.b(), -0.5, 0.1);
}

TEST(PlattCalibratorTest, UsesPlattsSmoothedTargets) {
  // All scores 0.5 (logit 0): the fit is sigmoid(b) = mean target. 3 positives, 1 negative: targets
  // (3 + 1) / (3 + 2) = 0.8 and 1 / (1 + 2); mean (3 * 0.8 + 1/3) / 4 = 0.68333 (not the raw 0.75).
  const PlattCalibrator calibrator =
      PlattCalibrator::Fit(std::vector<float>{0.5f, 0.5f, 0.5f, 0.5f}, std::vector<float>{1, 1, 1, 0});
  EXPECT_NEAR(calibrator.Apply(0.5), (3 * 0.8 + 1.0 / 3) / 4, 1e-6);
}

TEST(PlattCalibratorTest, EqualScoresAwayFromTheMiddleGiveTheSmoothedRate) {
  // All at 0.8, 2 positives and 2 negatives: targets 3/4 and 1/4, mean 0.5; a and b are not identified
  // separately, but a z + b must settle at logit(0.5) = 0.
  const PlattCalibrator calibrator =
      PlattCalibrator::Fit(std::vector<float>{0.8f, 0.8f, 0.8f, 0.8f}, std::vector<float>{1, 0, 1, 0});
  EXPECT_NEAR(calibrator.Apply(0.8), 0.5, 1e-6);
  EXPECT_TRUE(std::isfinite(calibrator.a()));
}

TEST(PlattCalibratorTest, NoRowsGiveTheIdentity) {
  const PlattCalibrator calibrator = PlattCalibrator::Fit(std::vector<float>{}, std::vector<float>{});
  EXPECT_NEAR(calibrator.Apply(0.3), 0.3, 1e-12);
}

TEST(PlattCalibratorTest, JsonRoundTripAndBadJson) {
  const PlattCalibrator fitted =
      PlattCalibrator::Fit(std::vector<float>{0.2f, 0.4f, 0.6f, 0.7f}, std::vector<float>{0, 1, 0, 1});
  const nlohmann::json json = fitted.ToJson();
  EXPECT_EQ(json["kind"], "platt");
  const Result<PlattCalibrator> read = PlattCalibrator::FromJson(nlohmann::json::parse(json.dump()));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->a(), fitted.a());
  EXPECT_EQ(read->b(), fitted.b());
  EXPECT_FALSE(PlattCalibrator::FromJson(nlohmann::json::parse(R"({"kind":"platt","a":1})")).ok());
  EXPECT_FALSE(PlattCalibrator::FromJson(nlohmann::json::parse(R"({"kind":"platt","a":"1","b":0})")).ok());
  EXPECT_FALSE(PlattCalibrator::FromJson(nlohmann::json::parse(R"({"kind":"isotonic","a":1,"b":0})")).ok());
}

//! `positives` labels 1 then `negatives` labels 0.
std::vector<float> Labels(int positives, int negatives) {
  std::vector<float> labels(static_cast<size_t>(positives), 1.0f);
  labels.resize(static_cast<size_t>(positives + negatives), 0.0f);
  return labels;
}

TEST(CalibratorTest, IsotonicNeedsAThousandRowsAndAHundredOfEachClass) {
  EXPECT_EQ(ChooseCalibratorKind(Labels(500, 500)), Calibrator::Kind::kIsotonic);
  EXPECT_EQ(ChooseCalibratorKind(Labels(100, 900)), Calibrator::Kind::kIsotonic);
  EXPECT_EQ(ChooseCalibratorKind(Labels(900, 100)), Calibrator::Kind::kIsotonic);
  EXPECT_EQ(ChooseCalibratorKind(Labels(500, 499)), Calibrator::Kind::kPlatt);
  EXPECT_EQ(ChooseCalibratorKind(Labels(99, 901)), Calibrator::Kind::kPlatt);
  EXPECT_EQ(ChooseCalibratorKind(Labels(901, 99)), Calibrator::Kind::kPlatt);
}

TEST(CalibratorTest, ChooseFitsTheChosenKind) {
  const std::vector<float> labels = Labels(3, 3);
  const std::vector<float> scores = {0.9f, 0.7f, 0.4f, 0.5f, 0.2f, 0.1f};
  const Calibrator chosen = ChooseCalibrator(scores, labels);
  EXPECT_EQ(chosen.kind(), Calibrator::Kind::kPlatt);
  EXPECT_EQ(chosen.KindName(), "platt");
  EXPECT_DOUBLE_EQ(chosen.Apply(0.3), PlattCalibrator::Fit(scores, labels).Apply(0.3));
  const Calibrator isotonic = Calibrator::Fit(Calibrator::Kind::kIsotonic, scores, labels);
  EXPECT_EQ(isotonic.KindName(), "isotonic");
  EXPECT_DOUBLE_EQ(isotonic.Apply(0.3), IsotonicCalibrator::Fit(scores, labels).Apply(0.3));
}

TEST(CalibratorTest, JsonNamesTheKind) {
  const std::vector<float> labels = Labels(3, 3);
  const std::vector<float> scores = {0.9f, 0.7f, 0.4f, 0.5f, 0.2f, 0.1f};
  for (Calibrator::Kind kind : {Calibrator::Kind::kIsotonic, Calibrator::Kind::kPlatt}) {
    const Calibrator fitted = Calibrator::Fit(kind, scores, labels);
    const Result<Calibrator> read = Calibrator::FromJson(fitted.ToJson());
    ASSERT_TRUE(read.ok()) << read.error().message;
    EXPECT_EQ(read->kind(), kind);
    EXPECT_DOUBLE_EQ(read->Apply(0.45), fitted.Apply(0.45));
  }
  EXPECT_FALSE(Calibrator::FromJson(nlohmann::json::parse(R"({"kind":"spline"})")).ok());
  EXPECT_FALSE(Calibrator::FromJson(nlohmann::json::parse(R"({"kind":"platt","a":1})")).ok());
  EXPECT_FALSE(Calibrator::FromJson(nlohmann::json::parse("3")).ok());
}

}  // namespace
}  // namespace crm::models
