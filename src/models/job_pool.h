#pragma once
// A small job pool for training: jobs run on a few threads in rank order, jobs that share a key never run
// at the same time (they share data that is not safe to use from two threads), and jobs may add jobs.

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>

namespace crm::models {

//! Threads that training jobs run on (the machine class has two cores).
inline constexpr int kTrainingThreads = 2;

//! Jobs run by Run's threads; among the jobs that may start, the lowest rank first (then the first added).
class JobPool {
 public:
  //! A job; it may add jobs to the pool it runs in.
  using Job = std::function<void(JobPool&)>;
  //! The key of a job that may run beside any other.
  static constexpr int64_t kNoKey = -1;

  //! A key no other call gave.
  int64_t NewKey();
  //! Adds `job`; it never runs at the same time as another job with the same `key` (unless kNoKey).
  void Add(int64_t rank, Job job, int64_t key = kNoKey);
  //! Runs the jobs, and those they add, on `threads` threads (the caller's among them) until none is
  //! left. Jobs must not throw.
  void Run(int threads);

 private:
  struct Pending {
    Job job;
    int64_t key;
  };
  //! Runs jobs until none is left or running.
  void Work();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::multimap<int64_t, Pending> pending_;  //!< by rank; equal ranks in the order added
  std::set<int64_t> busy_keys_;
  int running_ = 0;
  int64_t keys_ = 0;
};

}  // namespace crm::models
