#include "crm/models/booster_settings.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace crm::models {
namespace {

TEST(BoosterSettingsTest, RoundTripsThroughJson) {
  BoosterSettings settings;
  settings.max_depth = 5;
  settings.eta = 0.05;
  settings.rounds = 250;
  settings.min_child_weight = 2.5;
  settings.subsample = 0.8;
  settings.colsample_bytree = 0.7;
  settings.reg_lambda = 3;
  settings.max_bin = 64;
  settings.nthread = 1;
  settings.seed = 9007199254740993u;  // 2^53 + 1: not exact as a double, so it must stay an integer
  const nlohmann::json json = settings.ToJson();
  EXPECT_EQ(json["max_depth"], 5);
  EXPECT_EQ(json["eta"], 0.05);
  EXPECT_EQ(json["seed"].get<uint64_t>(), 9007199254740993u);
  EXPECT_EQ(json["max_bin"], 64);
  EXPECT_EQ(json.size(), 10u);
  Result<BoosterSettings> read = BoosterSettings::FromJson(nlohmann::json::parse(json.dump()));
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(*read, settings);
}

TEST(BoosterSettingsTest, MissingKeysKeepTheirDefaults) {
  Result<BoosterSettings> read = BoosterSettings::FromJson(nlohmann::json::parse(R"({"rounds": 40})"));
  ASSERT_TRUE(read.ok()) << read.error().message;
  BoosterSettings expected;
  expected.rounds = 40;
  EXPECT_EQ(*read, expected);
}

TEST(BoosterSettingsTest, RefusesWhatItCannotUse) {
  const std::pair<const char*, const char*> cases[] = {
      {"[]", "booster settings must be a JSON object"},
      {R"({"depth": 3})", "unknown booster setting 'depth'"},
      {R"({"max_depth": 3.5})", "booster setting 'max_depth' must be a 32-bit integer"},
      {R"({"rounds": 4294967296})", "booster setting 'rounds' must be a 32-bit integer"},
      {R"({"eta": "0.1"})", "booster setting 'eta' must be a number"},
      {R"({"seed": -1})", "booster setting 'seed' must be a non-negative integer"},
      {R"({"eta": 0})", "booster setting 'eta' must be in (0, 1] (got 0.0)"},
      {R"({"subsample": 1.5})", "booster setting 'subsample' must be in (0, 1] (got 1.5)"},
      {R"({"max_depth": 0})", "booster setting 'max_depth' must be 1 or more (got 0)"},
      {R"({"nthread": -2})", "booster setting 'nthread' must be 0 (all cores) or more (got -2)"},
      {R"({"reg_lambda": -1})", "booster setting 'reg_lambda' must be 0 or more (got -1.0)"},
      {R"({"max_bin": 1})", "booster setting 'max_bin' must be 2 or more (got 1)"},
      {R"({"seed": 9223372036854775808})",
       "booster setting 'seed' must be below 2^63 (got 9223372036854775808)"},
  };
  for (const auto& [json, message] : cases) {
    Result<BoosterSettings> read = BoosterSettings::FromJson(nlohmann::json::parse(json));
    ASSERT_FALSE(read.ok()) << json;
    EXPECT_EQ(read.error().message, message) << json;
  }
}

}  // namespace
}  // namespace crm::models
