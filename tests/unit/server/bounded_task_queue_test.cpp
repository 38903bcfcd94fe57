#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>

#include "../../../src/server/bounded_task_queue.h"

namespace crm::server {
namespace {

TEST(ServerTaskQueueTest, RunsEveryTaskBeforeShutdownReturns) {
  std::atomic<int> ran{0};
  BoundedTaskQueue queue(3, 4);
  for (int i = 0; i < 100; ++i) queue.enqueue([&ran] { ++ran; });
  queue.shutdown();
  EXPECT_EQ(ran.load(), 100);
}

TEST(ServerTaskQueueTest, EnqueueWaitsWhileTheQueueIsFull) {
  BoundedTaskQueue queue(1, 1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  queue.enqueue([&started, released] {
    started.set_value();
    released.wait();
  });
  started.get_future().wait();  // the worker is busy
  queue.enqueue([] {});         // fills the queue
  std::atomic<bool> third_queued{false};
  std::thread producer([&] {
    queue.enqueue([] {});
    third_queued = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(third_queued.load());
  release.set_value();
  producer.join();
  EXPECT_TRUE(third_queued.load());
  queue.shutdown();
}

}  // namespace
}  // namespace crm::server
