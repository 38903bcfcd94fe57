#pragma once
// Against password guessing: after a few failed sign-ins in a row, a user name is locked for a while.

#include <chrono>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crm::auth {

//! Failed sign-ins by user name (known or not); safe to share across threads.
class SignInThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  //! Locks a name for `lockout` after `max_failures` failures in a row.
  SignInThrottle(int max_failures, std::chrono::seconds lockout)
      : max_failures_(max_failures), lockout_(lockout) {}

  //! The whole seconds `name` must still wait at `now` before trying again; 0 when it may try.
  int WaitSeconds(std::string_view name, Clock::time_point now = Clock::now());
  //! Counts a failed sign-in of `name`.
  void RecordFailure(std::string_view name, Clock::time_point now = Clock::now());
  //! Forgets the failures of `name` after it signed in.
  void RecordSuccess(std::string_view name);

 private:
  //! One name's run of failures.
  struct Failures {
    int count = 0;
    Clock::time_point last;
  };

  //! Names remembered before old entries are dropped.
  static constexpr size_t kMaxNames = 10000;

  int max_failures_;
  std::chrono::seconds lockout_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> failures_;
};

}  // namespace crm::auth
