// `crm-assistant insight`: every type answers with the contract's fields, on the real data and on
// generated data with activities; bad requests fail with a one-line message and the right status.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

const char* const kTypes[] = {"pipeline_overview",      "top_opportunities", "at_risk_deals",
                              "at_risk_accounts",       "conversion_analysis", "industry_trends",
                              "account_prioritization", "forecast",          "agent_performance",
                              "account_health"};

//! Checks the fields CONTRACTS.md requires of `insight TYPE --json`.
void ExpectContractFields(const json& insight, const std::string& type) {
  ASSERT_TRUE(insight.is_object()) << type;
  EXPECT_EQ(insight["type"], type);
  EXPECT_TRUE(insight["as_of"].is_string()) << type;
  EXPECT_TRUE(insight["filters"].is_object()) << type;
  EXPECT_TRUE(insight["metrics"].is_object()) << type;
  EXPECT_FALSE(insight["metrics"].empty()) << type;
  ASSERT_TRUE(insight["tables"].is_array()) << type;
  EXPECT_FALSE(insight["tables"].empty()) << type;
  for (const json& table : insight["tables"]) {
    EXPECT_TRUE(table["name"].is_string()) << type;
    ASSERT_TRUE(table["columns"].is_array()) << type;
    for (const json& row : table["rows"]) EXPECT_EQ(row.size(), table["columns"].size()) << type << " " << table["name"];
  }
  ASSERT_TRUE(insight["charts"].is_array()) << type;
  EXPECT_FALSE(insight["charts"].empty()) << type;
  for (const json& chart : insight["charts"]) {
    for (const json& series : chart["series"]) EXPECT_EQ(series["values"].size(), chart["labels"].size()) << type;
  }
}

TEST(InsightCliTest, EveryTypeAnswersOnTheKaggleData) {
  CRM_REQUIRE_SHARED_DATA();
  for (const char* type : kTypes) {
    auto run = test::RunCli("--data " + test::SharedDataDir() + " insight " + type + " --json");
    ASSERT_EQ(run.exit_code, 0) << type << ": " << run.err;
    ExpectContractFields(json::parse(run.out, nullptr, false), type);
    auto text = test::RunCli("--data " + test::SharedDataDir() + " insight " + type);
    EXPECT_EQ(text.exit_code, 0) << type;
    EXPECT_NE(text.out.find(type), std::string::npos);
  }
}

TEST(InsightCliTest, EveryTypeAnswersOnGeneratedDataWithActivitiesAndFilters) {
  test::TempDir dir;
  ASSERT_EQ(test::RunCli("demo-data --out " + dir.File("demo") + " --opportunities 3000").exit_code, 0);
  const std::string db = "--db " + dir.File("crm.db");
  ASSERT_EQ(test::RunCli(db + " import " + dir.File("demo")).exit_code, 0);
  for (const char* type : kTypes) {
    auto run = test::RunCli(db + " insight " + type + " --json --regional-office west --top 5 --by sector");
    ASSERT_EQ(run.exit_code, 0) << type << ": " << run.err;
    const json insight = json::parse(run.out, nullptr, false);
    ExpectContractFields(insight, type);
    EXPECT_EQ(insight["filters"]["regional_office"], "West");
    EXPECT_EQ(insight["filters"]["top"], 5);
  }
}

TEST(InsightCliTest, BadRequestsFailWithOneLine) {
  CRM_REQUIRE_SHARED_DATA();
  const std::string data = "--data " + test::SharedDataDir() + " insight ";
  auto unknown_type = test::RunCli(data + "pipeline");
  EXPECT_EQ(unknown_type.exit_code, 2);
  EXPECT_NE(unknown_type.err.find("unknown insight type 'pipeline'"), std::string::npos);
  auto unknown_sector = test::RunCli(data + "pipeline_overview --sector spaceflight");
  EXPECT_EQ(unknown_sector.exit_code, 1);
  EXPECT_EQ(unknown_sector.err.substr(0, 43), "error: unknown sector 'spaceflight'; known:");
  EXPECT_EQ(std::count(unknown_sector.err.begin(), unknown_sector.err.end(), '\n'), 1);
  auto bad_period = test::RunCli(data + "pipeline_overview --period 2017-Q7");
  EXPECT_EQ(bad_period.exit_code, 1);
  EXPECT_NE(bad_period.err.find("invalid period '2017-Q7'"), std::string::npos);
  auto bad_top = test::RunCli(data + "top_opportunities --top many");
  EXPECT_EQ(bad_top.exit_code, 1);
  EXPECT_NE(bad_top.err.find("invalid top 'many'"), std::string::npos);
}

}  // namespace
}  // namespace crm
