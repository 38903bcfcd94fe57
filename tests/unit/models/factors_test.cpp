#include "crm/models/factors.h"

#include <gtest/gtest.h>

#include <cmath>

namespace crm::models {
namespace {

FeatureSpec Numeric(const std::string& name, const std::string& description) {
  return {name, description, FeatureKind::kNumeric, {}};
}

TEST(FactorsTest, ValuesAreShownInTheirUnits) {
  EXPECT_EQ(FormatFeatureValue(Numeric("agent_win_rate", ""), 0.7f), "70%");
  EXPECT_EQ(FormatFeatureValue(Numeric("list_price", ""), 5482.0f), "$5,482");
  EXPECT_EQ(FormatFeatureValue(Numeric("account_revenue", ""), 718.62f), "$718.6 million");
  EXPECT_EQ(FormatFeatureValue(Numeric("deal_age_days", ""), 95.0f), "95 days");
  EXPECT_EQ(FormatFeatureValue(Numeric("account_has_parent", ""), 1.0f), "yes");
  EXPECT_EQ(FormatFeatureValue(Numeric("agent_open_deals", ""), 12.0f), "12");
  EXPECT_EQ(FormatFeatureValue(Numeric("agent_open_deals", ""), kMissingFeature), "unknown");
  const FeatureSpec product{"product", "the product", FeatureKind::kCategorical, {"GTX Basic", "GTX Pro"}};
  EXPECT_EQ(FormatFeatureValue(product, 1.0f), "GTX Pro");
}

TEST(FactorsTest, StrongestRaisingFirstThenStrongestLowering) {
  TrainedModel model;
  model.features = {Numeric("agent_win_rate", "the agent's win rate"),
                    Numeric("deal_age_days", "days since the deal was engaged"),
                    {"product", "the product", FeatureKind::kCategorical, {"GTX Basic", "GTX Pro"}},
                    Numeric("account_revenue", "the account's annual revenue")};
  model.reference = {0.63f, 40.0f, kMissingFeature, kMissingFeature};
  const std::vector<float> row = {0.7f, 95.0f, 1.0f, kMissingFeature};
  const std::vector<float> contributions = {0.21f, -0.40f, 0.05f, -0.01f, 0.5f /* bias */};
  const std::vector<Factor> factors = TopFactors(model, row, contributions, 1);
  ASSERT_EQ(factors.size(), 2u);
  EXPECT_EQ(factors[0].feature, "agent_win_rate");
  EXPECT_EQ(factors[0].phrase, "the agent's win rate 70% against a typical 63%");
  EXPECT_FLOAT_EQ(static_cast<float>(factors[0].impact), 0.21f);
  EXPECT_EQ(factors[1].feature, "deal_age_days");
  EXPECT_EQ(factors[1].phrase, "days since the deal was engaged 95 days against a typical 40 days");
  const std::vector<Factor> all = TopFactors(model, row, contributions, 3);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[1].phrase, "the product: GTX Pro");
  EXPECT_EQ(all[3].phrase, "the account's annual revenue is unknown");
}

}  // namespace
}  // namespace crm::models
