// JobPool: one mutex guards the pending jobs; a thread takes the first job whose key is free, or waits
// for a job to end (which may free a key or add jobs).
#include "job_pool.h"

#include <thread>
#include <utility>
#include <vector>

namespace crm::models {

int64_t JobPool::NewKey() {
  std::lock_guard lock(mutex_);
  return keys_++;
}

void JobPool::Add(int64_t rank, Job job, int64_t key) {
  {
    std::lock_guard lock(mutex_);
    pending_.emplace(rank, Pending{std::move(job), key});
  }
  changed_.notify_one();
}

void JobPool::Work() {
  std::unique_lock lock(mutex_);
  while (true) {
    auto next = pending_.begin();
    while (next != pending_.end() && next->second.key != kNoKey && busy_keys_.contains(next->second.key)) {
      ++next;
    }
    if (next == pending_.end()) {
      if (running_ == 0) break;
      changed_.wait(lock);
      continue;
    }
    Pending taken = std::move(next->second);
    pending_.erase(next);
    if (taken.key != kNoKey) busy_keys_.insert(taken.key);
    ++running_;
    lock.unlock();
    taken.job(*this);
    lock.lock();
    --running_;
    if (taken.key != kNoKey) busy_keys_.erase(taken.key);
    changed_.notify_all();
  }
}

void JobPool::Run(int threads) {
  std::vector<std::thread> helpers;
  for (int i = 1; i < threads; ++i) helpers.emplace_back([this] { Work(); });
  Work();
  for (std::thread& helper : helpers) helper.join();
}

}  // namespace crm::models
