#include "crm/auth/sign_in_throttle.h"

#include <cmath>

namespace crm::auth {

int SignInThrottle::WaitSeconds(std::string_view name, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  const auto found = failures_.find(std::string(name));
  if (found == failures_.end() || found->second.count < max_failures_) return 0;
  const double left = std::chrono::duration<double>(found->second.last + lockout_ - now).count();
  if (left <= 0) {
    failures_.erase(found);  // the lockout is over: a fresh run of attempts
    return 0;
  }
  return static_cast<int>(std::ceil(left));
}

void SignInThrottle::RecordFailure(std::string_view name, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  if (failures_.size() >= kMaxNames) {
    std::erase_if(failures_, [&](const auto& entry) { return now - entry.second.last > lockout_; });
  }
  Failures& entry = failures_[std::string(name)];
  ++entry.count;
  entry.last = now;
}

void SignInThrottle::RecordSuccess(std::string_view name) {
  std::lock_guard lock(mutex_);
  failures_.erase(std::string(name));
}

}  // namespace crm::auth
