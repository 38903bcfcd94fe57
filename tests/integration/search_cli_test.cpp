// `crm-assistant search` on the Kaggle data: names, filters, exact ids, look-alikes, the contract's JSON
// and clear errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

json SearchJson(const std::string& args) {
  const test::CliRun run = test::RunCli("--data " + test::SharedDataDir() + " search " + args + " --json");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return json::parse(run.out, nullptr, false);
}

TEST(SearchCliTest, AnAccountNameComesFirstInTheContractsShape) {
  CRM_REQUIRE_SHARED_DATA();
  const json found = SearchJson("kan-code");
  ASSERT_TRUE(found.is_object()) << found;
  EXPECT_EQ(found["query"], "kan-code");
  ASSERT_TRUE(found["results"].is_array());
  ASSERT_EQ(found["results"].size(), 10u);
  for (const json& result : found["results"]) {
    ASSERT_EQ(result.size(), 5u) << result;
    EXPECT_TRUE(result["kind"] == "account" || result["kind"] == "opportunity");
    EXPECT_TRUE(result["id"].is_string() && result["title"].is_string() && result["why"].is_string());
    EXPECT_TRUE(result["score"].is_number());
  }
  EXPECT_EQ(found["results"][0]["kind"], "account");
  EXPECT_EQ(found["results"][0]["id"], "Kan-code");
}

TEST(SearchCliTest, FiltersHoldForEveryResult) {
  CRM_REQUIRE_SHARED_DATA();
  const json found = SearchJson("software --country \"United States\" --k 20");
  ASSERT_FALSE(found["results"].empty());
  for (const json& result : found["results"]) {
    EXPECT_NE(result["why"].get<std::string>().find("filters: United States"), std::string::npos) << result;
  }
  EXPECT_NE(found["results"][0]["why"].get<std::string>().find("words software"), std::string::npos) << found;
  const json large = SearchJson("--kind account --min-employees 10000 --sector software");
  ASSERT_FALSE(large["results"].empty());
  for (const json& result : large["results"]) EXPECT_EQ(result["kind"], "account");
}

TEST(SearchCliTest, AnOpportunityIdIsAnExactHit) {
  CRM_REQUIRE_SHARED_DATA();
  const std::string pipeline = test::ReadFile(test::SharedDataDir() + "/sales_pipeline.csv");
  const size_t line = pipeline.find('\n') + 1;
  const std::string id = pipeline.substr(line, pipeline.find(',', line) - line);
  const json found = SearchJson(id);
  ASSERT_FALSE(found["results"].empty());
  EXPECT_EQ(found["results"][0]["kind"], "opportunity");
  EXPECT_EQ(found["results"][0]["id"], id);
  EXPECT_EQ(found["results"][0]["why"], "exact opportunity id");
}

TEST(SearchCliTest, LookAlikesNameWhatTheyShare) {
  CRM_REQUIRE_SHARED_DATA();
  const json found = SearchJson("--similar-to kan-code --k 5");
  ASSERT_EQ(found["results"].size(), 5u) << found;
  for (const json& result : found["results"]) {
    EXPECT_EQ(result["kind"], "account");
    EXPECT_NE(result["id"], "Kan-code");
    EXPECT_NE(result["why"].get<std::string>().find("profile similarity"), std::string::npos);
  }
  const test::CliRun text = test::RunCli("--data " + test::SharedDataDir() + " search --similar-to Kan-code");
  EXPECT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("1. [account]"), std::string::npos) << text.out;
}

TEST(SearchCliTest, TheIndexIsSavedInTheStoreAndReused) {
  CRM_REQUIRE_SHARED_DATA();
  test::TempDir dir;
  const std::string db = "--db " + dir.File("crm.db");
  ASSERT_EQ(test::RunCli(db + " import " + test::SharedDataDir()).exit_code, 0);
  const test::CliRun first = test::RunCli(db + " search kan-code --json");
  const test::CliRun second = test::RunCli(db + " search kan-code --json");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(first.out, second.out);
  EXPECT_EQ(json::parse(first.out)["results"][0]["id"], "Kan-code");
}

TEST(SearchCliTest, BadRequestsSayWhatIsWrong) {
  CRM_REQUIRE_SHARED_DATA();
  const std::string data = "--data " + test::SharedDataDir();
  const test::CliRun sector = test::RunCli(data + " search software --sector banking");
  EXPECT_EQ(sector.exit_code, 1);
  EXPECT_NE(sector.err.find("unknown sector 'banking'; known sectors:"), std::string::npos) << sector.err;
  EXPECT_NE(sector.err.find("technology"), std::string::npos) << sector.err;
  const test::CliRun product = test::RunCli(data + " search --product \"GTX Ultra\"");
  EXPECT_EQ(product.exit_code, 1);
  EXPECT_NE(product.err.find("GTX Pro"), std::string::npos) << product.err;
  EXPECT_EQ(test::RunCli(data + " search \"  \"").exit_code, 2);
  EXPECT_EQ(test::RunCli(data + " search").exit_code, 2);
  EXPECT_EQ(test::RunCli(data + " search x --min-revenue lots").exit_code, 2);
  const test::CliRun unknown = test::RunCli(data + " search --similar-to Nobody");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no account named 'Nobody'"), std::string::npos);
}

}  // namespace
}  // namespace crm
