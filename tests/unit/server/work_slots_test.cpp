#include "../../../src/server/work_slots.h"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>

namespace crm::server {
namespace {

using std::chrono::milliseconds;

//! Whether another thread gets a slot of `slots` (waiting as long as the slots allow).
bool AnotherThreadGetsOne(WorkSlots& slots) {
  bool got = false;
  std::thread([&] { got = slots.Take().has_value(); }).join();
  return got;
}

TEST(WorkSlotsTest, RefusesOnceEverySlotIsHeldAndTheWaitRunsOut) {
  WorkSlots slots(1, milliseconds(20));
  std::optional<WorkSlots::Slot> held = slots.Take();
  ASSERT_TRUE(held);
  EXPECT_FALSE(AnotherThreadGetsOne(slots));
  held.reset();
  EXPECT_TRUE(AnotherThreadGetsOne(slots));
}

TEST(WorkSlotsTest, ALentSlotServesOthersAndComesBack) {
  WorkSlots slots(1, milliseconds(20));
  std::optional<WorkSlots::Slot> held = slots.Take();
  ASSERT_TRUE(held);
  {
    const WorkSlots::Lend lend(slots);
    EXPECT_TRUE(AnotherThreadGetsOne(slots));
  }
  EXPECT_FALSE(AnotherThreadGetsOne(slots)) << "the slot is back with its holder";
}

TEST(WorkSlotsTest, LendingWithoutASlotLendsNothing) {
  WorkSlots slots(1, milliseconds(20));
  std::optional<WorkSlots::Slot> elsewhere;
  std::thread([&] { elsewhere.emplace(*slots.Take()); }).join();  // taken by another thread
  const WorkSlots::Lend lend(slots);
  EXPECT_FALSE(AnotherThreadGetsOne(slots));
}

}  // namespace
}  // namespace crm::server
