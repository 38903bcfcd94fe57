// ScopeDataset: a rep's and a manager's part of the data, references renumbered, the as-of day kept.
#include "crm/access/scope.h"

#include "crm/access/caller_scope.h"

#include <gtest/gtest.h>

#include "unit/analytics/analytics_fixture.h"

namespace crm::access {
namespace {

using analytics::test::Day;
using analytics::test::SmallCrm;

//! The opportunity ids of `data`, in row order.
std::vector<std::string> DealIds(const Dataset& data) {
  std::vector<std::string> ids;
  for (size_t row = 0; row < data.opportunities.size(); ++row) ids.emplace_back(data.opportunities.id[row]);
  return ids;
}

//! The account names of `data`, in row order.
std::vector<std::string> AccountNames(const Dataset& data) {
  std::vector<std::string> names;
  for (const Account& account : data.accounts) names.push_back(account.name);
  return names;
}

TEST(ScopeTest, KeysNameTheScope) {
  EXPECT_EQ(Scope::All().Key(), "all");
  EXPECT_EQ(Scope::Team("Mia").Key(), "team:Mia");
  EXPECT_EQ(Scope::Agent("Cal").Key(), "agent:Cal");
  EXPECT_TRUE(Scope::All().all());
  EXPECT_FALSE(Scope::Agent("Cal").all());
}

TEST(ScopeTest, AnAgentSeesTheirDealsAndTheAccountsTheyWork) {
  const Dataset data = SmallCrm();
  auto part = ScopeDataset(data, Scope::Agent("Cal"));
  ASSERT_TRUE(part.ok()) << part.error().message;
  EXPECT_EQ(DealIds(*part), (std::vector<std::string>{"W3", "W5", "W6", "E2"}));
  EXPECT_EQ(AccountNames(*part), (std::vector<std::string>{"Bolt", "Cora"}));
  ASSERT_EQ(part->sales_agents.size(), 1u);
  EXPECT_EQ(part->sales_agents[0].name, "Cal");
  EXPECT_EQ(part->activities.size(), 0u);  // the only activity is Ann's
  for (size_t row = 0; row < part->opportunities.size(); ++row) {
    EXPECT_EQ(part->opportunities.sales_agent[row], 0);
  }
  const int32_t w5 = part->FindOpportunity("W5");
  ASSERT_NE(w5, kNoIndex);
  EXPECT_EQ(part->accounts[part->opportunities.account[w5]].name, "Bolt");
  EXPECT_EQ(part->FindOpportunity("W1"), kNoIndex);
  EXPECT_EQ(part->FindAccount("Acme"), kNoIndex);
  EXPECT_EQ(part->products.size(), data.products.size());
}

TEST(ScopeTest, APartKeepsTheWholeDataAsOfDay) {
  const Dataset data = SmallCrm();
  auto part = ScopeDataset(data, Scope::Agent("Cal"));
  ASSERT_TRUE(part.ok());
  // Cal's own latest date is 2017-06-20; the whole data's (an activity of Ann's) is 2017-06-30.
  EXPECT_EQ(part->LatestDate(), Day("2017-06-30"));
}

TEST(ScopeTest, AManagerSeesTheTeamAndTheirActivities) {
  const Dataset data = SmallCrm();
  auto part = ScopeDataset(data, Scope::Team("Mia"));
  ASSERT_TRUE(part.ok()) << part.error().message;
  EXPECT_EQ(DealIds(*part), (std::vector<std::string>{"W1", "W2", "W4", "L1", "L2", "L3", "E1", "P1"}));
  EXPECT_EQ(AccountNames(*part), (std::vector<std::string>{"Acme", "Bolt", "Cora"}));
  EXPECT_EQ(part->sales_agents.size(), 2u);
  ASSERT_EQ(part->activities.size(), 1u);
  EXPECT_EQ(part->activities.opportunity[0], part->FindOpportunity("E1"));
  EXPECT_EQ(part->accounts[part->activities.account[0]].name, "Acme");
  EXPECT_EQ(part->sales_agents[part->activities.sales_agent[0]].name, "Ann");
  EXPECT_EQ(part->opportunities.account[part->FindOpportunity("P1")], kNoIndex);
}

TEST(ScopeTest, TheWholeScopeKeepsEverything) {
  const Dataset data = SmallCrm();
  auto part = ScopeDataset(data, Scope::All());
  ASSERT_TRUE(part.ok());
  EXPECT_EQ(DealIds(*part), DealIds(data));
  EXPECT_EQ(part->activities.size(), data.activities.size());
}

TEST(ScopeTest, UnknownPeopleAreErrors) {
  const Dataset data = SmallCrm();
  auto agent = ScopeDataset(data, Scope::Agent("Zed"));
  ASSERT_FALSE(agent.ok());
  EXPECT_NE(agent.error().message.find("Zed"), std::string::npos);
  EXPECT_FALSE(ScopeDataset(data, Scope::Team("Cal")).ok());  // an agent, not a manager
}

TEST(ScopeTest, EachRoleHasItsScope) {
  EXPECT_EQ(ScopeOf({"ann", auth::Role::kAdmin, "", "", false}).Key(), "all");
  EXPECT_EQ(ScopeOf({"mia", auth::Role::kManager, "", "Mia", false}).Key(), "team:Mia");
  EXPECT_EQ(ScopeOf({"cal", auth::Role::kRep, "Cal", "", false}).Key(), "agent:Cal");
  EXPECT_EQ(ScopeOf(auth::LocalAdmin()).Key(), "all");
}

}  // namespace
}  // namespace crm::access
