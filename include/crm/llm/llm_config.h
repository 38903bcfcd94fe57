#pragma once
// Which writer the user configured: offline, Anthropic or an OpenAI-compatible server, read from the
// environment and an optional `.env` file (the environment wins). Keys are never shown.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/llm/dotenv.h"
#include "crm/llm/retry_policy.h"

namespace crm::llm {

//! The LLM service behind the writer.
enum class Provider { kOffline, kAnthropic, kOpenAi };

//! The value of CRM_LLM that selects `provider`: "offline", "anthropic" or "openai".
std::string_view ProviderName(Provider provider);

//! Everything needed to call the configured LLM.
struct LlmConfig {
  Provider provider = Provider::kOffline;  //!< CRM_LLM
  std::string model;                       //!< ANTHROPIC_MODEL / OPENAI_MODEL, or a default
  std::string base_url;                    //!< ANTHROPIC_BASE_URL / OPENAI_BASE_URL, without a trailing '/'
  std::string api_key;                     //!< ANTHROPIC_API_KEY / OPENAI_API_KEY; never print it
  double timeout_seconds = 60;             //!< CRM_LLM_TIMEOUT_SECONDS: the whole of one attempt
  double connect_timeout_seconds = 10;     //!< connecting, within the timeout above
  int max_tokens = 1024;                   //!< the longest answer asked for
  RetryPolicy retry;                       //!< CRM_LLM_MAX_RETRIES and the backoff
};

//! The default Anthropic model.
inline constexpr std::string_view kDefaultAnthropicModel = "claude-sonnet-4-5";
//! The default Anthropic API host.
inline constexpr std::string_view kDefaultAnthropicBaseUrl = "https://api.anthropic.com";
//! The default model name sent to an OpenAI-compatible server.
inline constexpr std::string_view kDefaultOpenAiModel = "gpt-4o-mini";

//! Builds the configuration from the process environment and `.env` values; the environment wins.
//! Errors are configuration mistakes (unknown provider, missing key or URL, bad numbers).
Result<LlmConfig> LoadLlmConfig(const EnvMap& environment, const EnvMap& dotenv);

//! LoadLlmConfig over the real environment and the `.env` file at `dotenv_path` (absent: ignored).
Result<LlmConfig> LoadLlmConfigFromEnvironment(const std::string& dotenv_path = ".env");

//! The writer's name as WrittenText::writer gives it: "offline", "anthropic:<model>", "openai:<model>".
std::string WriterName(const LlmConfig& config);

//! A key shown safely: "none", "****" for short keys, else "…" and its last four characters.
std::string MaskedKey(std::string_view key);

//! One line for status output: provider, model, base URL (credentials in it masked) and the masked key.
std::string Describe(const LlmConfig& config);

//! The same as Describe, as JSON: writer, provider, model, base_url, key, timeout_seconds, max_retries.
nlohmann::json DescribeJson(const LlmConfig& config);

}  // namespace crm::llm
