#pragma once
// Caps how many requests compute at once (about one per core), so that a burst of chat questions cannot
// starve the other requests: a request waits a short while for a slot, then is refused (503). A slot is
// lent out while its holder waits without computing (an LLM's answer).

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>

namespace crm::server {

//! A fixed number of compute slots, each held by one thread at a time.
class WorkSlots {
 public:
  //! `slots` slots (at least 1); Take waits up to `max_wait` for one.
  WorkSlots(size_t slots, std::chrono::milliseconds max_wait);
  WorkSlots(const WorkSlots&) = delete;
  WorkSlots& operator=(const WorkSlots&) = delete;

  //! A slot taken by a thread, given back when it goes.
  class Slot {
   public:
    //! Takes over `other`'s slot.
    Slot(Slot&& other) noexcept;
    Slot& operator=(Slot&&) = delete;
    //! Gives the slot back.
    ~Slot();

   private:
    friend class WorkSlots;
    explicit Slot(WorkSlots* slots) : slots_(slots) {}
    WorkSlots* slots_;
  };

  //! While alive, the calling thread's slot (when it took one of these) serves others; at the end the
  //! thread takes a slot back, waiting as long as that needs. Lives inside the scope of that Slot.
  class Lend {
   public:
    //! Lends the calling thread's slot of `slots`, when it holds one.
    explicit Lend(WorkSlots& slots);
    Lend(const Lend&) = delete;
    Lend& operator=(const Lend&) = delete;
    //! Takes a slot back when one was lent.
    ~Lend();

   private:
    WorkSlots& slots_;
    bool lent_ = false;
  };

  //! A slot for the calling thread, after waiting up to the limit; nullopt when all stayed busy.
  std::optional<Slot> Take();

 private:
  //! Takes a free slot for the calling thread, waiting until `deadline` (or forever when null).
  bool Acquire(const std::chrono::steady_clock::time_point* deadline);
  //! Gives a slot back.
  void Release();

  std::mutex mutex_;
  std::condition_variable freed_;
  size_t free_;
  std::chrono::milliseconds max_wait_;
};

}  // namespace crm::server
