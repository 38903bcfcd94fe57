#include "crm/models/leakage_guard.h"

#include <gtest/gtest.h>

namespace crm::models {
namespace {

//! 200 rows: label alternates; "value" is the close value (0 when lost), "noise" a cycle of 0..4,
//! "category" gives away the outcome when `leaky_category`.
FeatureMatrix Matrix(bool with_close_value, bool leaky_category, std::vector<float>& labels) {
  FeatureMatrix x;
  x.features.push_back({"noise", "noise", FeatureKind::kNumeric, {}});
  x.features.push_back({"category", "category", FeatureKind::kCategorical, {"a", "b", "c"}});
  if (with_close_value) x.features.push_back({"close_value", "close value", FeatureKind::kNumeric, {}});
  labels.clear();
  for (int i = 0; i < 200; ++i) {
    const float label = i % 2 == 0 ? 1.0f : 0.0f;
    labels.push_back(label);
    x.values.push_back(static_cast<float>(i % 5));
    x.values.push_back(leaky_category ? label : static_cast<float>(i % 3));
    if (with_close_value) x.values.push_back(label > 0 ? 1000.0f + static_cast<float>(i) : 0.0f);
  }
  return x;
}

TEST(LeakageGuardTest, HonestFeaturesPass) {
  std::vector<float> labels;
  const FeatureMatrix x = Matrix(false, false, labels);
  EXPECT_TRUE(CheckForLeakage(x, labels).ok());
}

TEST(LeakageGuardTest, CloseValueIsRefused) {
  std::vector<float> labels;
  const FeatureMatrix x = Matrix(true, false, labels);
  const Status status = CheckForLeakage(x, labels);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("'close_value'"), std::string::npos);
  EXPECT_NE(status.error().message.find("AUC 1.000"), std::string::npos);
}

TEST(LeakageGuardTest, ACategoryThatGivesTheOutcomeAwayIsRefused) {
  std::vector<float> labels;
  const FeatureMatrix x = Matrix(false, true, labels);
  const Status status = CheckForLeakage(x, labels);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("'category'"), std::string::npos);
}

TEST(LeakageGuardTest, FewKnownValuesAreNotJudged) {
  std::vector<float> labels;
  FeatureMatrix x = Matrix(true, false, labels);
  // Only 60 rows keep a close value: too few to judge.
  for (size_t row = 60; row < x.rows(); ++row) x.values[row * x.columns() + 2] = kMissingFeature;
  EXPECT_TRUE(CheckForLeakage(x, labels).ok());
}

}  // namespace
}  // namespace crm::models
