#include "bounded_task_queue.h"

namespace crm::server {

BoundedTaskQueue::BoundedTaskQueue(size_t workers, size_t capacity) : capacity_(capacity) {
  for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { Work(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

void BoundedTaskQueue::enqueue(std::function<void()> task) {
  std::unique_lock lock(mutex_);
  has_room_.wait(lock, [this] { return stopping_ || tasks_.size() < capacity_; });
  if (stopping_) return;
  tasks_.push_back(std::move(task));
  has_task_.notify_one();
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  has_task_.notify_all();
  has_room_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

void BoundedTaskQueue::Work() {
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      has_task_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    has_room_.notify_one();
    task();
  }
}

}  // namespace crm::server
