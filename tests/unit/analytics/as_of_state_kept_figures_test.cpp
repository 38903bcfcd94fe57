// AsOfState::KeptFigures: a key's figures are built once, then kept for the most recently used keys only.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analytics_fixture.h"
#include "crm/analytics/as_of_state.h"
#include "crm/analytics/calendar.h"

namespace crm::analytics {
namespace {

TEST(AsOfStateKeptFiguresTest, BuildsOncePerKeyAndForgetsTheLeastRecentlyUsed) {
  const Dataset data = test::SmallCrm();
  const Calendar calendar(test::Day("2015-01-01"), test::Day("2019-12-31"));
  const AsOfState state(data, calendar, test::Day("2017-06-30"), data.LatestDate());
  int builds = 0;
  const auto build = [&builds] { return std::vector<double>{1.5, static_cast<double>(++builds)}; };
  EXPECT_EQ(state.KeptFigures("a", build), (std::vector<double>{1.5, 1}));
  EXPECT_EQ(state.KeptFigures("a", build), (std::vector<double>{1.5, 1}));
  EXPECT_EQ(state.KeptFigures("b", build), (std::vector<double>{1.5, 2}));
  // "a" used again, then as many new keys as are kept minus one: "b" is forgotten, "a" is not.
  EXPECT_EQ(state.KeptFigures("a", build)[1], 1);
  for (size_t i = 1; i < AsOfState::kKeptFigures; ++i) state.KeptFigures("k" + std::to_string(i), build);
  const int before = builds;
  EXPECT_EQ(state.KeptFigures("a", build)[1], 1);
  EXPECT_EQ(state.KeptFigures("b", build)[1], before + 1);
}

}  // namespace
}  // namespace crm::analytics
