#include "crm/analytics/data_profile.h"

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "analytics_fixture.h"

namespace crm::analytics {
namespace {

//! The field named `name` of `fields`.
const NumericField& Field(const std::vector<NumericField>& fields, const std::string& name) {
  for (const NumericField& field : fields) {
    if (field.name == name) return field;
  }
  throw std::out_of_range(name);
}

TEST(DataProfileTest, DealFieldsKeepMissingValuesMissing) {
  test::DatasetBuilder builder;
  const int32_t alpha = builder.Product("Alpha", "A", 1000);
  const int32_t ann = builder.Agent("Ann", "Mia", "East");
  const int32_t acme = builder.Account("Acme", "tech", 500, 100, "US");
  builder.Deal("W1", ann, alpha, acme, DealStage::kWon, "2017-01-01", "2017-01-11", 900);
  builder.Deal("L1", ann, alpha, acme, DealStage::kLost, "2017-01-01", "2017-01-31", 0);
  builder.Deal("E1", ann, alpha, kNoIndex, DealStage::kEngaging, "2017-02-01", "", kNoNumber);
  Dataset data = builder.Build();
  data.accounts[acme].year_established = kNoIndex;  // not given
  const std::vector<NumericField> fields = DealNumericFields(data);
  EXPECT_EQ(Field(fields, "close_value").values[0], 900);
  EXPECT_TRUE(std::isnan(Field(fields, "close_value").values[1]));  // a Lost deal's 0 is no deal size
  EXPECT_EQ(Field(fields, "days_to_close").values[0], 10);
  EXPECT_EQ(Field(fields, "days_to_close").values[1], 30);
  EXPECT_TRUE(std::isnan(Field(fields, "days_to_close").values[2]));
  EXPECT_EQ(Field(fields, "won").values[1], 0);
  EXPECT_TRUE(std::isnan(Field(fields, "won").values[2]));
  EXPECT_EQ(Field(fields, "account_revenue").values[1], 500);
  EXPECT_TRUE(std::isnan(Field(fields, "account_revenue").values[2]));   // no account
  EXPECT_TRUE(std::isnan(Field(fields, "year_established").values[0]));
  EXPECT_EQ(Field(fields, "sales_price").values[2], 1000);
}

TEST(DataProfileTest, ProfileHasBothHistogramsAndTheMatrix) {
  const Dataset data = test::SmallCrm();
  const Insight health = test::RunInsight(data, "account_health");
  const nlohmann::json profile = DataProfileJson(data, health);
  EXPECT_EQ(profile["deal_size"]["type"], "histogram");
  double won = 0;
  for (const auto& count : profile["deal_size"]["series"][0]["values"]) won += count.get<double>();
  EXPECT_EQ(won, 6);  // the six won deals of SmallCrm
  EXPECT_EQ(profile["health"]["labels"].size(), 10u);
  double accounts = 0;
  for (const auto& count : profile["health"]["series"][0]["values"]) accounts += count.get<double>();
  EXPECT_EQ(accounts, 3);
  const nlohmann::json& correlation = profile["correlation"];
  const size_t n = correlation["fields"].size();
  ASSERT_EQ(correlation["matrix"].size(), n);
  ASSERT_EQ(correlation["n"].size(), n);
  for (const auto& [name, text] : correlation["descriptions"].items()) EXPECT_FALSE(text.empty()) << name;
}

}  // namespace
}  // namespace crm::analytics
