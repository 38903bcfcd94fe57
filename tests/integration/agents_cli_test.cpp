// `crm-assistant summary`, `email` and `insight --narrative` on the real data: the contract's fields,
// errors with the right status, bulk drafting into .eml and CSV files.
#include <filesystem>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

std::string Data() { return "--data '" + test::SharedDataDir() + "' "; }

json Parse(const test::CliRun& run) {
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return json::parse(run.out, nullptr, false);
}

TEST(AgentsCli, SummaryHasTheContractFields) {
  CRM_REQUIRE_SHARED_DATA();
  const json summary = Parse(test::RunCli(Data() + "summary konex --json"));
  EXPECT_EQ(summary["account"], "Konex");
  ASSERT_TRUE(summary["sections"].is_object());
  for (const char* section : {"executive_summary", "key_metrics", "products", "open_opportunities",
                              "strengths", "risks", "next_best_actions", "priority"}) {
    EXPECT_TRUE(summary["sections"][section].is_string()) << section;
  }
  EXPECT_NE(summary["markdown"].get<std::string>().find("# Konex"), std::string::npos);
  EXPECT_EQ(summary["writer"], "offline");
  EXPECT_EQ(summary["numbers_checked"], true);
  EXPECT_TRUE(summary["facts"].is_object());
  const test::CliRun text = test::RunCli(Data() + "summary Konex");
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_EQ(text.out, summary["markdown"].get<std::string>());
}

TEST(AgentsCli, UnknownAccountFailsWithCloseNames) {
  CRM_REQUIRE_SHARED_DATA();
  const test::CliRun run = test::RunCli(Data() + "summary Konexx");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("Konex"), std::string::npos) << run.err;
}

TEST(AgentsCli, EmailHasTheContractFields) {
  CRM_REQUIRE_SHARED_DATA();
  const json email =
      Parse(test::RunCli(Data() + "email Konex --type proposal --tone friendly --to 'Dana' --json"));
  for (const char* field : {"subject", "body", "email_type", "tone", "account", "sender", "writer"}) {
    EXPECT_TRUE(email[field].is_string()) << field;
  }
  EXPECT_EQ(email["email_type"], "proposal");
  EXPECT_EQ(email["tone"], "friendly");
  EXPECT_EQ(email["account"], "Konex");
  EXPECT_EQ(email["body"].get<std::string>().rfind("Hi Dana,", 0), 0u);
}

TEST(AgentsCli, EmailUsageErrors) {
  CRM_REQUIRE_SHARED_DATA();
  const test::CliRun type = test::RunCli(Data() + "email Konex --type spam --tone friendly");
  EXPECT_EQ(type.exit_code, 2);
  EXPECT_NE(type.err.find("re_engagement"), std::string::npos);
  const test::CliRun tone = test::RunCli(Data() + "email Konex --type check_in --tone angry");
  EXPECT_EQ(tone.exit_code, 2);
  EXPECT_NE(tone.err.find("consultative"), std::string::npos);
  EXPECT_EQ(test::RunCli(Data() + "email --opportunity NOPE --type check_in").exit_code, 1);
}

TEST(AgentsCli, BulkWritesOneMessagePerOpenDeal) {
  CRM_REQUIRE_SHARED_DATA();
  const test::TempDir dir;
  const json result =
      Parse(test::RunCli(Data() + "email --bulk --sales-agent 'Darcel Schlecht' --type follow_up " +
                         "--tone professional --out '" + dir.File("eml") + "' --json"));
  ASSERT_GT(result["drafted"].get<int>(), 0);
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.File("eml"))) {
    EXPECT_EQ(entry.path().extension(), ".eml");
    const std::string message = test::ReadFile(entry.path().string());
    EXPECT_NE(message.find("\r\nContent-Type: text/plain; charset=UTF-8\r\n"), std::string::npos);
    EXPECT_NE(message.find("From: \"Darcel Schlecht\" <darcel.schlecht@crm-assistant.invalid>"),
              std::string::npos);
    ++files;
  }
  EXPECT_EQ(static_cast<int>(files), result["drafted"].get<int>());
  const json csv =
      Parse(test::RunCli(Data() + "email --bulk --sales-agent 'Darcel Schlecht' --format csv --out '" +
                         dir.File("csv") + "' --json"));
  EXPECT_EQ(csv["drafted"], result["drafted"]);
  EXPECT_TRUE(std::filesystem::exists(dir.File("csv/emails.csv")));
}

TEST(AgentsCli, InsightNarrative) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = Parse(test::RunCli(Data() + "insight conversion_analysis --narrative --json"));
  ASSERT_TRUE(insight["narrative"].is_string());
  EXPECT_NE(insight["narrative"].get<std::string>().find("Key findings"), std::string::npos);
  const test::CliRun text = test::RunCli(Data() + "insight conversion_analysis --narrative");
  EXPECT_EQ(text.out.rfind("**Key findings**", 0), 0u);
}

}  // namespace
}  // namespace crm
