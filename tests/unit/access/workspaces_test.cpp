// Workspaces: each scope answers from its own part, built once; the whole scope reuses the start-up
// services; the chat of a rep does not know the names outside their part.
#include "crm/access/workspaces.h"

#include <gtest/gtest.h>

#include "unit/analytics/analytics_fixture.h"

namespace crm::access {
namespace {

//! SmallCrm with its context and workspaces (search indexes built in memory).
struct World {
  Dataset data = analytics::test::SmallCrm();
  std::unique_ptr<agents::AgentContext> agents = agents::AgentContext::Build(data, nullptr).value();
  llm::OfflineWriter writer;
  int indexes_built = 0;
  Workspaces workspaces{*agents, nullptr, writer, [this](const Dataset& part) {
                          ++indexes_built;
                          return search::SearchIndex::Build(part);
                        }};
};

TEST(WorkspacesTest, TheWholeScopeUsesTheStartUpServices) {
  World world;
  auto whole = world.workspaces.For(Scope::All());
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(&(*whole)->agents(), world.agents.get());
  EXPECT_EQ((*whole)->search(), nullptr);
  EXPECT_EQ(world.indexes_built, 0);
}

TEST(WorkspacesTest, APartIsBuiltOnceAndAnswersFromItsData) {
  World world;
  auto cal = world.workspaces.For(Scope::Agent("Cal"));
  ASSERT_TRUE(cal.ok()) << cal.error().message;
  auto again = world.workspaces.For(Scope::Agent("Cal"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*cal, *again);
  EXPECT_EQ(world.indexes_built, 1);
  EXPECT_EQ((*cal)->data().opportunities.size(), 4u);
  EXPECT_NE((*cal)->search(), nullptr);
  auto overview = (*cal)->agents().engine().Run("pipeline_overview", analytics::FilterRequest{});
  ASSERT_TRUE(overview.ok());
  EXPECT_EQ(analytics::test::MetricNumber(*overview, "deals"), 4);
  EXPECT_EQ((*cal)->agents().as_of(), world.agents->as_of());
}

TEST(WorkspacesTest, TheChatOfARepDoesNotKnowOtherAccounts) {
  World world;
  auto cal = world.workspaces.For(Scope::Agent("Cal"));
  ASSERT_TRUE(cal.ok());
  auto whole = world.workspaces.For(Scope::All());
  ASSERT_TRUE(whole.ok());
  const nlu::Understanding everything = (*whole)->assistant().Understand("summarize the account Acme");
  ASSERT_TRUE(everything.entities.contains("account"));
  EXPECT_EQ(everything.entities.at("account"), "Acme");
  const nlu::Understanding own = (*cal)->assistant().Understand("summarize the account Acme");
  EXPECT_FALSE(own.entities.contains("account"));
  const nlu::Understanding bolt = (*cal)->assistant().Understand("summarize the account Bolt");
  ASSERT_TRUE(bolt.entities.contains("account"));
  EXPECT_EQ(bolt.entities.at("account"), "Bolt");
}

TEST(WorkspacesTest, AnUnknownPersonIsAnError) {
  World world;
  EXPECT_FALSE(world.workspaces.For(Scope::Agent("Nobody")).ok());
  EXPECT_EQ(world.indexes_built, 0);
}

}  // namespace
}  // namespace crm::access
