// JobPool: rank order, keys that keep jobs apart, jobs added by jobs, and two threads really at work.
#include "../../../src/models/job_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace crm::models {
namespace {

TEST(JobPoolTest, OneThreadRunsTheJobsByRankThenInTheOrderAdded) {
  JobPool pool;
  std::vector<int> order;
  pool.Add(2, [&](JobPool&) { order.push_back(3); });
  pool.Add(1, [&](JobPool&) { order.push_back(1); });
  pool.Add(1, [&](JobPool& in) {
    order.push_back(2);
    in.Add(0, [&](JobPool&) { order.push_back(0); });  // ranks before the rest: runs next
  });
  pool.Run(1);
  EXPECT_EQ(order, (std::vector<int>{1, 2, 0, 3}));
}

TEST(JobPoolTest, JobsWithOneKeyNeverRunAtTheSameTimeAndOthersDo) {
  JobPool pool;
  const int64_t key = pool.NewKey();
  EXPECT_NE(pool.NewKey(), key);
  std::atomic<int> inside{0};
  std::atomic<int> most_inside{0};
  std::atomic<int> keyed_runs{0};
  for (int i = 0; i < 20; ++i) {
    pool.Add(
        0,
        [&](JobPool&) {
          const int now = ++inside;
          most_inside = std::max(most_inside.load(), now);
          std::this_thread::sleep_for(std::chrono::microseconds(300));
          --inside;
          ++keyed_runs;
        },
        key);
  }
  // Two jobs without a key, each waiting (at most 5 s) for the other to start: they meet only when the
  // pool runs them on two threads at once.
  std::atomic<int> started{0};
  std::atomic<int> met{0};
  for (int i = 0; i < 2; ++i) {
    pool.Add(1, [&](JobPool&) {
      ++started;
      const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
      while (started < 2 && std::chrono::steady_clock::now() < give_up) std::this_thread::yield();
      if (started == 2) ++met;
    });
  }
  pool.Run(kTrainingThreads);
  EXPECT_EQ(keyed_runs, 20);
  EXPECT_EQ(most_inside, 1);
  EXPECT_EQ(met, 2);
}

}  // namespace
}  // namespace crm::models
