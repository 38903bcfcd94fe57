#include "crm/llm/retry_policy.h"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <random>
#include <string>

namespace crm::llm {

namespace {

//! A uniform draw in [0, 1) from a generator private to the calling thread.
double UnitRandom() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

}  // namespace

bool IsRetryableStatus(long status) { return status == 429 || (status >= 500 && status <= 599); }

std::optional<double> ParseRetryAfter(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return value.size() > 9 ? 1e9 : std::stod(std::string(value));
  }
  const time_t when = curl_getdate(std::string(value).c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

std::optional<double> BackoffSeconds(const RetryPolicy& policy, int retry,
                                     std::optional<double> retry_after) {
  if (retry_after) {
    if (*retry_after > policy.max_backoff_seconds) return std::nullopt;
    return *retry_after;
  }
  const double exponential = policy.initial_backoff_seconds * std::pow(2.0, std::min(retry, 30));
  const double capped = std::min(exponential, policy.max_backoff_seconds);
  return capped * (0.5 + 0.5 * UnitRandom());
}

}  // namespace crm::llm
