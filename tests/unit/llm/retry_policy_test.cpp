#include "crm/llm/retry_policy.h"

#include <gtest/gtest.h>

namespace crm::llm {
namespace {

TEST(LlmRetryPolicyTest, RetriesRateLimitsAndServerErrorsOnly) {
  EXPECT_TRUE(IsRetryableStatus(429));
  EXPECT_TRUE(IsRetryableStatus(500));
  EXPECT_TRUE(IsRetryableStatus(529));
  EXPECT_FALSE(IsRetryableStatus(400));
  EXPECT_FALSE(IsRetryableStatus(401));
  EXPECT_FALSE(IsRetryableStatus(404));
  EXPECT_FALSE(IsRetryableStatus(200));
}

TEST(LlmRetryPolicyTest, ReadsRetryAfterSecondsAndDates) {
  EXPECT_EQ(ParseRetryAfter(" 7 "), 7.0);
  EXPECT_EQ(ParseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"), 0.0);  // a date in the past: now
  EXPECT_EQ(ParseRetryAfter("soon"), std::nullopt);
  EXPECT_EQ(ParseRetryAfter(""), std::nullopt);
}

TEST(LlmRetryPolicyTest, BacksOffExponentiallyWithJitterWithinTheBound) {
  const RetryPolicy policy{5, 0.5, 3};
  for (int trial = 0; trial < 50; ++trial) {
    const double first = *BackoffSeconds(policy, 0, std::nullopt);
    const double second = *BackoffSeconds(policy, 1, std::nullopt);
    const double late = *BackoffSeconds(policy, 10, std::nullopt);
    EXPECT_TRUE(first >= 0.25 && first <= 0.5) << first;
    EXPECT_TRUE(second >= 0.5 && second <= 1.0) << second;
    EXPECT_TRUE(late >= 1.5 && late <= 3.0) << late;
  }
}

TEST(LlmRetryPolicyTest, HonoursRetryAfterUpToTheBound) {
  const RetryPolicy policy{5, 0.5, 3};
  EXPECT_EQ(BackoffSeconds(policy, 0, 2.0), 2.0);
  EXPECT_EQ(BackoffSeconds(policy, 0, 30.0), std::nullopt);
}

}  // namespace
}  // namespace crm::llm
