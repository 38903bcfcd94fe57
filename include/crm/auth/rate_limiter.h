#pragma once
// A per-key token bucket: each key may make `burst` requests at once and `per_second` on average.

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crm::auth {

//! Token buckets by key (a user name); safe to share across threads.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  //! Buckets that refill at `per_second` up to `burst` requests; `per_second` <= 0 disables the limit.
  RateLimiter(double per_second, double burst) : per_second_(per_second), burst_(burst) {}

  //! 0 when `key` may make a request at `now` (it is counted); else the whole seconds to wait (>= 1).
  int Acquire(std::string_view key, Clock::time_point now = Clock::now());

 private:
  //! One key's bucket.
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };

  double per_second_;
  double burst_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace crm::auth
