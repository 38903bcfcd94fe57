#include "crm/auth/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace crm::auth {

int RateLimiter::Acquire(std::string_view key, Clock::time_point now) {
  if (per_second_ <= 0) return 0;
  std::lock_guard lock(mutex_);
  auto [found, added] = buckets_.try_emplace(std::string(key), Bucket{burst_, now});
  Bucket& bucket = found->second;
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  bucket.tokens = std::min(burst_, bucket.tokens + std::max(0.0, elapsed) * per_second_);
  bucket.updated = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - bucket.tokens) / per_second_)));
}

}  // namespace crm::auth
