// The CLI with an LLM writer configured, against a local server that speaks the OpenAI-compatible
// protocol: the LLM's text is used when its numbers are in the facts, the offline text otherwise, and
// every answer says which writer wrote it.
#include <gtest/gtest.h>

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "support/fake_llm_server.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! Points the CLI at `server` through the environment for the test's lifetime.
class OpenAiEnvironment {
 public:
  explicit OpenAiEnvironment(const llm::test::FakeLlmServer& server) {
    setenv("CRM_LLM", "openai", 1);
    setenv("OPENAI_BASE_URL", server.base_url().c_str(), 1);
    setenv("OPENAI_MODEL", "local-test", 1);
  }
  ~OpenAiEnvironment() {
    unsetenv("CRM_LLM");
    unsetenv("OPENAI_BASE_URL");
    unsetenv("OPENAI_MODEL");
  }
};

json Email(const std::string& extra = "") {
  const test::CliRun run =
      test::RunCli("--data " + test::SharedDataDir() +
                   " email Konex --type proposal --tone friendly --product 'GTX Pro' --json" + extra);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return json::parse(run.out, nullptr, false);
}

TEST(LlmCliTest, AGroundedRewriteIsUsedAndNamed) {
  CRM_REQUIRE_SHARED_DATA();
  llm::test::FakeLlmServer server({llm::test::Streamed(llm::test::OpenAiEvents(
      {"Subject: GTX Pro for Konex\n\n", "Hello Konex team, GTX Pro lists at $4,821. ", "Shall we talk?"}))});
  const OpenAiEnvironment environment(server);
  const json email = Email();
  EXPECT_EQ(email["writer"], "openai:local-test");
  EXPECT_EQ(email["subject"], "GTX Pro for Konex");
  EXPECT_NE(email["body"].get<std::string>().find("$4,821"), std::string::npos);
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_NE(server.requests()[0].body.find("<facts>"), std::string::npos);
}

TEST(LlmCliTest, AHallucinatedNumberFallsBackToTheOfflineText) {
  CRM_REQUIRE_SHARED_DATA();
  const json offline = Email();
  llm::test::FakeLlmServer server({llm::test::Streamed(llm::test::OpenAiEvents(
      {"Subject: A deal for Konex\n\n", "Hello Konex team, GTX Pro lists at $9,999 this week only."}))});
  const OpenAiEnvironment environment(server);
  const json email = Email();
  EXPECT_EQ(email["writer"], "offline");
  EXPECT_EQ(email["body"], offline["body"]);
  EXPECT_NE(email.dump().find("9,999"), std::string::npos) << "the reason names the number";
}

TEST(LlmCliTest, TheChatSaysWhichWriterWrote) {
  CRM_REQUIRE_SHARED_DATA();
  llm::test::FakeLlmServer server({llm::test::Failed(500, "{\"error\": {\"message\": \"down\"}}")});
  const OpenAiEnvironment environment(server);
  const test::CliRun run = test::RunCli("--data " + test::SharedDataDir() +
                                        " ask 'draft a proposal to Konex about GTX Pro' --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json answer = json::parse(run.out);
  EXPECT_EQ(answer["intent"], "email_draft");
  EXPECT_NE(answer["answer"].get<std::string>().find("offline writer"), std::string::npos)
      << answer["answer"];
  EXPECT_NE(answer["answer"].get<std::string>().find("HTTP 500"), std::string::npos) << answer["answer"];
}

}  // namespace
}  // namespace crm
