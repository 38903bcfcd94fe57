#include "work_slots.h"

#include <algorithm>

namespace crm::server {

namespace {

//! The slots whose slot the calling thread holds, if any.
thread_local const WorkSlots* held_by_this_thread = nullptr;

}  // namespace

WorkSlots::WorkSlots(size_t slots, std::chrono::milliseconds max_wait)
    : free_(std::max<size_t>(1, slots)), max_wait_(max_wait) {}

WorkSlots::Slot::Slot(Slot&& other) noexcept : slots_(other.slots_) { other.slots_ = nullptr; }

WorkSlots::Slot::~Slot() {
  if (slots_ != nullptr) slots_->Release();
}

WorkSlots::Lend::Lend(WorkSlots& slots) : slots_(slots) {
  if (held_by_this_thread != &slots_) return;
  slots_.Release();
  lent_ = true;
}

WorkSlots::Lend::~Lend() {
  if (lent_) slots_.Acquire(nullptr);
}

std::optional<WorkSlots::Slot> WorkSlots::Take() {
  const auto deadline = std::chrono::steady_clock::now() + max_wait_;
  if (!Acquire(&deadline)) return std::nullopt;
  return Slot(this);
}

bool WorkSlots::Acquire(const std::chrono::steady_clock::time_point* deadline) {
  std::unique_lock lock(mutex_);
  const auto has_free = [this] { return free_ > 0; };
  if (deadline == nullptr) {
    freed_.wait(lock, has_free);
  } else if (!freed_.wait_until(lock, *deadline, has_free)) {
    return false;
  }
  --free_;
  held_by_this_thread = this;
  return true;
}

void WorkSlots::Release() {
  {
    std::lock_guard lock(mutex_);
    ++free_;
  }
  if (held_by_this_thread == this) held_by_this_thread = nullptr;
  freed_.notify_one();
}

}  // namespace crm::server
