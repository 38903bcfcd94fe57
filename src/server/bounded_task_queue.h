#pragma once
// The server's worker pool: a fixed number of threads and a bounded queue of accepted connections.

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace crm::server {

//! Runs tasks on `workers` threads; Enqueue blocks while `capacity` tasks already wait, so that a flood
//! of connections waits in the kernel's backlog instead of in memory.
class BoundedTaskQueue : public httplib::TaskQueue {
 public:
  //! Starts the workers.
  BoundedTaskQueue(size_t workers, size_t capacity);
  ~BoundedTaskQueue() override;

  //! Queues `task`, waiting for room first.
  void enqueue(std::function<void()> task) override;
  //! Runs what is queued, then joins the workers; later tasks are dropped.
  void shutdown() override;

 private:
  //! One worker's loop.
  void Work();

  size_t capacity_;
  std::mutex mutex_;
  std::condition_variable has_task_;
  std::condition_variable has_room_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace crm::server
