#include "crm/common/pause_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace crm {
namespace {

TEST(PauseGateTest, AThreadWaitsWhileAnyClosingLasts) {
  PauseGate gate;
  gate.WaitOpen();  // open at first: returns at once
  std::atomic<bool> passed = false;
  std::thread waiter;
  {
    const GateClosed outer(&gate);
    {
      const GateClosed inner(&gate);
      waiter = std::thread([&] {
        gate.WaitOpen();
        passed = true;
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(passed) << "one closing is left: the gate is still closed";
  }
  waiter.join();  // would hang if the last opening did not let it through
  EXPECT_TRUE(passed);
  const GateClosed nothing(nullptr);  // no gate: nothing to close
}

}  // namespace
}  // namespace crm
