#pragma once
// Open event streams each hold a connection worker until they end: counting them and refusing more
// than a limit keeps workers free for every other request.

#include <atomic>
#include <cstddef>
#include <memory>

namespace crm::server {

//! Counts open streams and refuses more than `max`.
class StreamLimit {
 public:
  explicit StreamLimit(size_t max) : max_(max) {}

  //! A ticket for one more stream, held until the stream ends; null when `max` are open already.
  std::shared_ptr<void> Open() {
    if (open_.fetch_add(1) >= max_) {
      open_.fetch_sub(1);
      return nullptr;
    }
    return std::shared_ptr<void>(this, [](StreamLimit* limit) { limit->open_.fetch_sub(1); });
  }

 private:
  size_t max_;
  std::atomic<size_t> open_ = 0;
};

}  // namespace crm::server
