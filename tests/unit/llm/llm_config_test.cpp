#include "crm/llm/llm_config.h"

#include <gtest/gtest.h>

namespace crm::llm {
namespace {

constexpr char kKey[] = "sk-ant-test-0123456789-SECRET";

TEST(LlmDotEnvTest, ParsesQuotesCommentsAndExport) {
  const Result<EnvMap> parsed = ParseDotEnv(
      "# settings\n"
      "CRM_LLM=anthropic\r\n"
      "export ANTHROPIC_MODEL = \"claude \\\"x\\\"\\n\" # quoted\n"
      "  ANTHROPIC_BASE_URL='http://127.0.0.1:1/#not-a-comment'\n"
      "\n"
      "OPENAI_MODEL=llama3 # trailing comment\n"
      "EMPTY=\n"
      "HASH=a#b\n");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const EnvMap& values = *parsed;
  EXPECT_EQ(values.at("CRM_LLM"), "anthropic");
  EXPECT_EQ(values.at("ANTHROPIC_MODEL"), "claude \"x\"\n");
  EXPECT_EQ(values.at("ANTHROPIC_BASE_URL"), "http://127.0.0.1:1/#not-a-comment");
  EXPECT_EQ(values.at("OPENAI_MODEL"), "llama3");
  EXPECT_EQ(values.at("EMPTY"), "");
  EXPECT_EQ(values.at("HASH"), "a#b");
  EXPECT_EQ(values.size(), 6u);
}

TEST(LlmDotEnvTest, ErrorsNameTheLineButNeverItsValue) {
  const Result<EnvMap> unterminated = ParseDotEnv(std::string("A=1\nANTHROPIC_API_KEY=\"") + kKey + "\n");
  ASSERT_FALSE(unterminated.ok());
  EXPECT_NE(unterminated.error().message.find(".env:2"), std::string::npos);
  EXPECT_EQ(unterminated.error().message.find(kKey), std::string::npos);
  EXPECT_FALSE(ParseDotEnv(std::string("just ") + kKey).ok());
  EXPECT_FALSE(ParseDotEnv("1BAD=x").ok());
}

TEST(LlmConfigTest, DefaultsToOffline) {
  const Result<LlmConfig> config = LoadLlmConfig({}, {});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->provider, Provider::kOffline);
  EXPECT_EQ(WriterName(*config), "offline");
}

TEST(LlmConfigTest, TheEnvironmentWinsOverDotEnv) {
  const EnvMap environment = {{"CRM_LLM", "anthropic"}, {"ANTHROPIC_MODEL", "from-env"}};
  const EnvMap dotenv = {{"CRM_LLM", "openai"},
                         {"ANTHROPIC_MODEL", "from-file"},
                         {"ANTHROPIC_API_KEY", kKey},
                         {"ANTHROPIC_BASE_URL", "http://127.0.0.1:8080/"},
                         {"CRM_LLM_TIMEOUT_SECONDS", "2.5"},
                         {"CRM_LLM_MAX_RETRIES", "4"}};
  const Result<LlmConfig> config = LoadLlmConfig(environment, dotenv);
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->provider, Provider::kAnthropic);
  EXPECT_EQ(config->model, "from-env");
  EXPECT_EQ(config->api_key, kKey);
  EXPECT_EQ(config->base_url, "http://127.0.0.1:8080");
  EXPECT_DOUBLE_EQ(config->timeout_seconds, 2.5);
  EXPECT_DOUBLE_EQ(config->connect_timeout_seconds, 2.5);
  EXPECT_EQ(config->retry.max_retries, 4);
  EXPECT_EQ(WriterName(*config), "anthropic:from-env");
}

TEST(LlmConfigTest, AnthropicDefaultsToThePublicApi) {
  const Result<LlmConfig> config = LoadLlmConfig({{"CRM_LLM", "anthropic"}, {"ANTHROPIC_API_KEY", kKey}}, {});
  ASSERT_TRUE(config.ok());
  EXPECT_EQ(config->base_url, kDefaultAnthropicBaseUrl);
  EXPECT_EQ(config->model, kDefaultAnthropicModel);
}

TEST(LlmConfigTest, ConfigurationMistakesAreClearErrors) {
  const Result<LlmConfig> no_key = LoadLlmConfig({{"CRM_LLM", "anthropic"}}, {});
  ASSERT_FALSE(no_key.ok());
  EXPECT_NE(no_key.error().message.find("ANTHROPIC_API_KEY"), std::string::npos);
  const Result<LlmConfig> no_url = LoadLlmConfig({{"CRM_LLM", "openai"}}, {});
  ASSERT_FALSE(no_url.ok());
  EXPECT_NE(no_url.error().message.find("OPENAI_BASE_URL"), std::string::npos);
  EXPECT_FALSE(LoadLlmConfig({{"CRM_LLM", "gpt"}}, {}).ok());
  EXPECT_FALSE(LoadLlmConfig({{"CRM_LLM", "openai"}, {"OPENAI_BASE_URL", "ftp://x"}}, {}).ok());
  EXPECT_FALSE(LoadLlmConfig({{"CRM_LLM_TIMEOUT_SECONDS", "soon"}}, {}).ok());
  EXPECT_FALSE(LoadLlmConfig({{"CRM_LLM_MAX_RETRIES", "-1"}}, {}).ok());
}

TEST(LlmConfigTest, DescribeMasksTheKeyAndUrlCredentials) {
  const Result<LlmConfig> config = LoadLlmConfig({{"CRM_LLM", "openai"},
                                                  {"OPENAI_BASE_URL", "http://user:pw@127.0.0.1:11434/v1"},
                                                  {"OPENAI_API_KEY", kKey},
                                                  {"OPENAI_MODEL", "llama3"}},
                                                 {});
  ASSERT_TRUE(config.ok());
  const std::string text = Describe(*config);
  const std::string json = DescribeJson(*config).dump();
  for (const std::string& shown : {text, json}) {
    EXPECT_EQ(shown.find(kKey), std::string::npos) << shown;
    EXPECT_EQ(shown.find("pw@"), std::string::npos) << shown;
    EXPECT_NE(shown.find("openai:llama3"), std::string::npos) << shown;
    EXPECT_NE(shown.find("127.0.0.1:11434/v1"), std::string::npos) << shown;
  }
  EXPECT_EQ(DescribeJson(*config)["key"], "…CRET");
  EXPECT_EQ(MaskedKey(""), "none");
  EXPECT_EQ(MaskedKey("short"), "****");
}

}  // namespace
}  // namespace crm::llm
