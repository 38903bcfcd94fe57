#pragma once
// Background work that gives way: a gate its thread passes between steps, which the work in front closes
// while it keeps every core busy.

#include <condition_variable>
#include <mutex>

namespace crm {

//! Open unless closed; closings nest (open again once each Close is matched by an Open).
class PauseGate {
 public:
  //! Closes the gate: a thread arriving at WaitOpen waits.
  void Close() {
    const std::lock_guard lock(mutex_);
    ++closings_;
  }
  //! Undoes one Close; the waiting threads go on once none is left.
  void Open() {
    {
      const std::lock_guard lock(mutex_);
      --closings_;
    }
    opened_.notify_all();
  }
  //! Returns at once when the gate is open, else once it opens.
  void WaitOpen() {
    std::unique_lock lock(mutex_);
    opened_.wait(lock, [this] { return closings_ == 0; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable opened_;
  int closings_ = 0;
};

//! Keeps a gate closed while it lives (nothing for no gate).
class GateClosed {
 public:
  explicit GateClosed(PauseGate* gate) : gate_(gate) {
    if (gate_ != nullptr) gate_->Close();
  }
  ~GateClosed() {
    if (gate_ != nullptr) gate_->Open();
  }
  GateClosed(const GateClosed&) = delete;
  GateClosed& operator=(const GateClosed&) = delete;

 private:
  PauseGate* gate_;
};

}  // namespace crm
