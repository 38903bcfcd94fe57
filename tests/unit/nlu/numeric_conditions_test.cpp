#include "crm/nlu/numeric_conditions.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "crm/nlu/entity_linker.h"
#include "crm/nlu/link_state.h"
#include "unit/nlu/nlu_fixture.h"

namespace crm::nlu::test {
namespace {

std::vector<NumericCondition> Conditions(const std::string& text) {
  LinkState state(text);
  FindNumericConditions(state);
  return state.Finish().conditions;
}

void ExpectOne(const std::string& text, const std::string& field, char op, double value) {
  const std::vector<NumericCondition> conditions = Conditions(text);
  ASSERT_EQ(conditions.size(), 1u) << text;
  EXPECT_EQ(conditions[0].field, field) << text;
  EXPECT_EQ(conditions[0].op, op) << text;
  EXPECT_DOUBLE_EQ(conditions[0].value, value) << text;
}

TEST(NluConditionTest, Employees) {
  ExpectOne("accounts with more than 1,000 employees", "employees", '>', 1000);
  ExpectOne("companies with over 5k staff", "employees", '>', 5000);
  ExpectOne("fewer than 200 employees", "employees", '<', 200);
  ExpectOne("headcount above 300", "employees", '>', 300);
  ExpectOne("at least 50 people", "employees", '>', 50);
}

TEST(NluConditionTest, RevenueInMillions) {
  ExpectOne("revenue above $500M", "revenue", '>', 500);
  ExpectOne("revenue over 1 billion", "revenue", '>', 1000);
  ExpectOne("accounts with revenue over $1.2B", "revenue", '>', 1200);
  ExpectOne("under 100 million in revenue", "revenue", '<', 100);
  ExpectOne("revenue below 750", "revenue", '<', 750);
  ExpectOne("companies over $2 billion", "revenue", '>', 2000);
  ExpectOne("revenue of less than 500k", "revenue", '<', 0.5);
}

TEST(NluConditionTest, FoundingYears) {
  ExpectOne("accounts founded before 1990", "year_established", '<', 1990);
  ExpectOne("companies established after 2000", "year_established", '>', 2000);
}

TEST(NluConditionTest, BetweenGivesBothBounds) {
  const std::vector<NumericCondition> revenue = Conditions("revenue between 100 and 500 million");
  ASSERT_EQ(revenue.size(), 2u);
  EXPECT_EQ(revenue[0].field, "revenue");
  EXPECT_EQ(revenue[0].op, '>');
  EXPECT_DOUBLE_EQ(revenue[0].value, 100);
  EXPECT_EQ(revenue[1].op, '<');
  EXPECT_DOUBLE_EQ(revenue[1].value, 500);
  const std::vector<NumericCondition> staff = Conditions("between 1,000 and 5k employees");
  ASSERT_EQ(staff.size(), 2u);
  EXPECT_EQ(staff[0].field, "employees");
  EXPECT_DOUBLE_EQ(staff[1].value, 5000);
  const std::vector<NumericCondition> founded = Conditions("founded between 1990 and 2000");
  ASSERT_EQ(founded.size(), 2u);
  EXPECT_EQ(founded[1].field, "year_established");
  EXPECT_TRUE(Conditions("deals between march and june").empty());
  EXPECT_TRUE(Conditions("between 3 and 5 deals").empty());
}

TEST(NluConditionTest, NoFieldNoCondition) {
  EXPECT_TRUE(Conditions("deals closed after 2016").empty());
  EXPECT_TRUE(Conditions("deals over 5000").empty());
  EXPECT_TRUE(Conditions("more than usual").empty());
  EXPECT_TRUE(Conditions("deals over $10k").empty());
}

TEST(NluConditionTest, ConditionNumbersAreNeitherTopNNorPeriods) {
  const EntityLinker linker(NamesCrm());
  const LinkedQuery query =
      linker.Link("top 5 tech accounts founded after 2000 with more than 1000 employees", AsOf("2017-12-31"));
  EXPECT_EQ(Entities(query), (std::map<std::string, std::string>{{"top_n", "5"}, {"sector", "technology"}}));
  ASSERT_EQ(query.conditions.size(), 2u);
  EXPECT_EQ(query.conditions[0].field, "year_established");
  EXPECT_EQ(query.conditions[1].field, "employees");
  const LinkedQuery bare = linker.Link("show accounts with over 2000 employees", AsOf("2017-12-31"));
  EXPECT_TRUE(bare.spans.empty());
  EXPECT_EQ(bare.conditions.size(), 1u);
}

}  // namespace
}  // namespace crm::nlu::test
