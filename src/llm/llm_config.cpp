#include "crm/llm/llm_config.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>

namespace crm::llm {

namespace {

//! The variables this configuration reads.
constexpr std::string_view kVariables[] = {
    "CRM_LLM",        "ANTHROPIC_API_KEY", "ANTHROPIC_MODEL",         "ANTHROPIC_BASE_URL", "OPENAI_BASE_URL",
    "OPENAI_API_KEY", "OPENAI_MODEL",      "CRM_LLM_TIMEOUT_SECONDS", "CRM_LLM_MAX_RETRIES"};

//! Looks variables up in the environment first, then in `.env`; empty values count as unset.
class Variables {
 public:
  Variables(const EnvMap& environment, const EnvMap& dotenv) : environment_(environment), dotenv_(dotenv) {}

  std::string Get(std::string_view name, std::string_view fallback = "") const {
    for (const EnvMap* source : {&environment_, &dotenv_}) {
      const auto found = source->find(name);
      if (found != source->end() && !found->second.empty()) return found->second;
    }
    return std::string(fallback);
  }

 private:
  const EnvMap& environment_;
  const EnvMap& dotenv_;
};

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

Status CheckUrl(std::string_view name, std::string_view url) {
  if (url.starts_with("http://") || url.starts_with("https://")) return Status::Ok();
  return Error{std::string(name) + " must start with http:// or https://"};
}

std::optional<double> ParsePositiveNumber(const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !(value > 0)) return std::nullopt;
  return value;
}

std::optional<int> ParseSmallCount(const std::string& text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 10)
    return std::nullopt;
  return value;
}

Status ReadLimits(const Variables& variables, LlmConfig& config) {
  const std::string timeout = variables.Get("CRM_LLM_TIMEOUT_SECONDS");
  if (!timeout.empty()) {
    const std::optional<double> seconds = ParsePositiveNumber(timeout);
    if (!seconds) return Error{"CRM_LLM_TIMEOUT_SECONDS must be a positive number of seconds"};
    config.timeout_seconds = *seconds;
  }
  config.connect_timeout_seconds = std::min(config.connect_timeout_seconds, config.timeout_seconds);
  const std::string retries = variables.Get("CRM_LLM_MAX_RETRIES");
  if (!retries.empty()) {
    const std::optional<int> count = ParseSmallCount(retries);
    if (!count) return Error{"CRM_LLM_MAX_RETRIES must be a whole number from 0 to 10"};
    config.retry.max_retries = *count;
  }
  return Status::Ok();
}

//! The base URL with any user:password@ replaced by ***@.
std::string UrlWithoutCredentials(const std::string& url) {
  const size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  const size_t authority = scheme_end + 3;
  const size_t path = url.find('/', authority);
  const size_t at = url.rfind('@', path == std::string::npos ? url.size() : path);
  if (at == std::string::npos || at < authority) return url;
  return url.substr(0, authority) + "***" + url.substr(at);
}

}  // namespace

std::string_view ProviderName(Provider provider) {
  switch (provider) {
    case Provider::kAnthropic:
      return "anthropic";
    case Provider::kOpenAi:
      return "openai";
    case Provider::kOffline:
      break;
  }
  return "offline";
}

Result<LlmConfig> LoadLlmConfig(const EnvMap& environment, const EnvMap& dotenv) {
  const Variables variables(environment, dotenv);
  LlmConfig config;
  const std::string provider = variables.Get("CRM_LLM", "offline");
  if (provider == "anthropic") {
    config.provider = Provider::kAnthropic;
    config.api_key = variables.Get("ANTHROPIC_API_KEY");
    if (config.api_key.empty()) {
      return Error{"CRM_LLM=anthropic needs ANTHROPIC_API_KEY (in the environment or .env)"};
    }
    config.model = variables.Get("ANTHROPIC_MODEL", kDefaultAnthropicModel);
    config.base_url = WithoutTrailingSlash(variables.Get("ANTHROPIC_BASE_URL", kDefaultAnthropicBaseUrl));
    if (Status url = CheckUrl("ANTHROPIC_BASE_URL", config.base_url); !url.ok()) return url.error();
  } else if (provider == "openai") {
    config.provider = Provider::kOpenAi;
    config.base_url = WithoutTrailingSlash(variables.Get("OPENAI_BASE_URL"));
    if (config.base_url.empty()) {
      return Error{"CRM_LLM=openai needs OPENAI_BASE_URL (for example http://localhost:11434/v1 for Ollama)"};
    }
    if (Status url = CheckUrl("OPENAI_BASE_URL", config.base_url); !url.ok()) return url.error();
    config.api_key = variables.Get("OPENAI_API_KEY");
    config.model = variables.Get("OPENAI_MODEL", kDefaultOpenAiModel);
  } else if (provider != "offline") {
    return Error{"CRM_LLM must be offline, anthropic or openai"};
  }
  if (Status limits = ReadLimits(variables, config); !limits.ok()) return limits.error();
  return config;
}

Result<LlmConfig> LoadLlmConfigFromEnvironment(const std::string& dotenv_path) {
  Result<EnvMap> dotenv = ReadDotEnvFile(dotenv_path);
  if (!dotenv.ok()) return dotenv.error();
  EnvMap environment;
  for (std::string_view name : kVariables) {
    if (const char* value = std::getenv(std::string(name).c_str())) environment.emplace(name, value);
  }
  return LoadLlmConfig(environment, *dotenv);
}

std::string WriterName(const LlmConfig& config) {
  if (config.provider == Provider::kOffline) return "offline";
  return std::string(ProviderName(config.provider)) + ":" + config.model;
}

std::string MaskedKey(std::string_view key) {
  if (key.empty()) return "none";
  if (key.size() < 16) return "****";
  return "…" + std::string(key.substr(key.size() - 4));
}

std::string Describe(const LlmConfig& config) {
  if (config.provider == Provider::kOffline) return "writer: offline (no LLM; set CRM_LLM to use one)";
  return "writer: " + WriterName(config) + " at " + UrlWithoutCredentials(config.base_url) +
         " (key: " + MaskedKey(config.api_key) + ")";
}

nlohmann::json DescribeJson(const LlmConfig& config) {
  nlohmann::json description = {{"writer", WriterName(config)}, {"provider", ProviderName(config.provider)}};
  if (config.provider == Provider::kOffline) return description;
  description["model"] = config.model;
  description["base_url"] = UrlWithoutCredentials(config.base_url);
  description["key"] = MaskedKey(config.api_key);
  description["timeout_seconds"] = config.timeout_seconds;
  description["max_retries"] = config.retry.max_retries;
  return description;
}

}  // namespace crm::llm
