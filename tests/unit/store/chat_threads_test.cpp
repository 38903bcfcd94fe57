#include "crm/store/chat_threads.h"

#include <gtest/gtest.h>

#include "crm/store/sqlite.h"
#include "crm/store/store.h"

namespace crm::store {
namespace {

TEST(ChatThreads, ValidatesSessionIds) {
  EXPECT_TRUE(IsValidSessionId("web-3f2a_1.x"));
  EXPECT_FALSE(IsValidSessionId(""));
  EXPECT_FALSE(IsValidSessionId("a b"));
  EXPECT_FALSE(IsValidSessionId("x';DROP TABLE chat_turns;--"));
  EXPECT_FALSE(IsValidSessionId(std::string(65, 'a')));
}

TEST(ChatThreads, TheLastContinuableTurnComesBack) {
  auto store = Store::Open(":memory:");
  ASSERT_TRUE(store.ok()) << store.error().message;
  ChatThreads threads((*store)->connection());
  auto none = threads.LastTurn("s1");
  ASSERT_TRUE(none.ok()) << none.error().message;
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(
      threads
          .Append("s1",
                  {"which west deals are at risk?", "at_risk_deals", {{"regional_office", "West"}}, "…"})
          .ok());
  ASSERT_TRUE(threads.Append("s2", {"forecast", "forecast", {}, "…"}).ok());
  ASSERT_TRUE(threads.Append("s1", {"what can you do", "help", {}, "…"}).ok());
  auto last = threads.LastTurn("s1");
  ASSERT_TRUE(last.ok());
  ASSERT_TRUE(last->has_value());
  EXPECT_EQ((*last)->intent, "at_risk_deals");  // help is not continued
  EXPECT_EQ((*last)->entities, (nlu::Entities{{"regional_office", "West"}}));
  ASSERT_TRUE(
      threads.Append("s1", {"and for the east", "at_risk_deals", {{"regional_office", "East"}}, "…"}).ok());
  EXPECT_EQ(threads.LastTurn("s1").value()->entities.at("regional_office"), "East");
  EXPECT_EQ(
      QueryInt64((*store)->connection(), "SELECT MAX(turn) FROM chat_turns WHERE session = 's1'").value(), 3);
}

}  // namespace
}  // namespace crm::store
