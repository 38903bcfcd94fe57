#include "crm/common/thread_priority.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <thread>

namespace crm {
namespace {

int ThisThreadNiceness() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

TEST(ThreadPriorityTest, LowersOneThreadAndWhatItStarts) {
  const int before = ThisThreadNiceness();
  int lowered = before, inherited = before;
  std::thread([&] {
    LowerThisThreadPriority(5);
    lowered = ThisThreadNiceness();
    std::thread([&] { inherited = ThisThreadNiceness(); }).join();
  }).join();
  EXPECT_EQ(lowered, std::min(19, before + 5));
  EXPECT_EQ(inherited, lowered);
  EXPECT_EQ(ThisThreadNiceness(), before);  // the caller's thread keeps its priority
  std::thread([&] {
    LowerThisThreadPriority(100);
    lowered = ThisThreadNiceness();
  }).join();
  EXPECT_EQ(lowered, 19);  // the lowest there is
}

}  // namespace
}  // namespace crm
