#pragma once
// When to try an LLM request again and how long to wait first: exponential backoff with jitter, bounded,
// honouring the server's Retry-After.

#include <optional>
#include <string_view>

namespace crm::llm {

//! How many times to retry and how long to wait between attempts.
struct RetryPolicy {
  int max_retries = 2;                   //!< retries after the first attempt
  double initial_backoff_seconds = 0.5;  //!< the wait before the first retry (before jitter)
  double max_backoff_seconds = 8;        //!< no wait is longer; a longer Retry-After ends the retries
};

//! True for the HTTP statuses worth retrying: 429 and 5xx.
bool IsRetryableStatus(long status);

//! Seconds from a Retry-After header value (delta-seconds or an HTTP date); nullopt when unreadable.
std::optional<double> ParseRetryAfter(std::string_view value);

//! The wait before retry number `retry` (0 for the first): the server's Retry-After when given, else
//! initial * 2^retry with jitter in [50%, 100%], never above the policy's maximum. nullopt when the
//! server asks for a longer wait than the maximum (the caller should give up).
std::optional<double> BackoffSeconds(const RetryPolicy& policy, int retry, std::optional<double> retry_after);

}  // namespace crm::llm
