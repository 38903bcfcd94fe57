// The token bucket lets a burst through, then the average rate, per key; the throttle locks a name after
// failures in a row and lets it try again after the lockout.
#include "crm/auth/rate_limiter.h"

#include <gtest/gtest.h>

#include "crm/auth/sign_in_throttle.h"

namespace crm::auth {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

TEST(RateLimiterTest, LetsTheBurstThroughThenTheRatePerKey) {
  RateLimiter limiter(2, 3);
  const auto start = RateLimiter::Clock::now();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Acquire("ann", start), 0) << i;
  EXPECT_EQ(limiter.Acquire("ann", start), 1);
  EXPECT_EQ(limiter.Acquire("bob", start), 0);  // another key has its own bucket
  EXPECT_EQ(limiter.Acquire("ann", start + milliseconds(499)), 1);
  EXPECT_EQ(limiter.Acquire("ann", start + milliseconds(1000)), 0);  // one token back after half a second
  EXPECT_EQ(limiter.Acquire("ann", start + seconds(60)), 0);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(limiter.Acquire("ann", start + seconds(60)), 0) << i;
  EXPECT_EQ(limiter.Acquire("ann", start + seconds(60)), 1);  // refilled only up to the burst
}

TEST(RateLimiterTest, ZeroRateMeansNoLimit) {
  RateLimiter limiter(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(limiter.Acquire("ann"), 0);
}

TEST(SignInThrottleTest, LocksANameAfterFailuresInARowUntilTheLockoutEnds) {
  SignInThrottle throttle(3, seconds(30));
  const auto start = SignInThrottle::Clock::now();
  for (int i = 0; i < 2; ++i) throttle.RecordFailure("ann", start);
  EXPECT_EQ(throttle.WaitSeconds("ann", start), 0);
  throttle.RecordFailure("ann", start);
  EXPECT_EQ(throttle.WaitSeconds("ann", start), 30);
  EXPECT_EQ(throttle.WaitSeconds("ann", start + seconds(20)), 10);
  EXPECT_EQ(throttle.WaitSeconds("bob", start), 0);
  EXPECT_EQ(throttle.WaitSeconds("ann", start + seconds(31)), 0);
  throttle.RecordFailure("ann", start + seconds(31));
  EXPECT_EQ(throttle.WaitSeconds("ann", start + seconds(31)), 0);  // a fresh run after the lockout
  throttle.RecordSuccess("ann");
  for (int i = 0; i < 2; ++i) throttle.RecordFailure("ann", start + seconds(32));
  EXPECT_EQ(throttle.WaitSeconds("ann", start + seconds(32)), 0);  // success reset the count
}

}  // namespace
}  // namespace crm::auth
