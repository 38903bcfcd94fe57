// The server's background refit: trained at a lower priority than the server, then handed over.
#include "cli/serve_refit.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>

#include "unit/models/model_fixture.h"

namespace crm::cli {
namespace test = models::test;
namespace {

int ThisThreadNiceness() { return getpriority(PRIO_PROCESS, static_cast<id_t>(gettid())); }

TEST(BackgroundRefitTest, TrainsAtALowerPriorityThenHandsTheModelsOver) {
  const int server_niceness = ThisThreadNiceness();
  bool handed = false;
  int refit_niceness = server_niceness;
  {
    const BackgroundRefit refit(
        test::DemoDataset(), ":memory:", [&](std::shared_ptr<const models::ModelSet> set) {
          handed = set != nullptr && set->Find(models::ModelKind::kOpportunityWin) != nullptr;
          refit_niceness = ThisThreadNiceness();
          return Status::Ok();
        });
  }  // waits for the refit
  EXPECT_TRUE(handed);
  EXPECT_EQ(refit_niceness, std::min(19, server_niceness + kRefitNiceness));
  EXPECT_EQ(ThisThreadNiceness(), server_niceness);
}

}  // namespace
}  // namespace crm::cli
