// Realistic questions on the Kaggle data, with the entities each should yield: precision and recall of
// the (key, value) pairs over the whole list.
#include <algorithm>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "crm/ingest/importer.h"
#include "crm/nlu/entity_linker.h"
#include "support/test_support.h"
#include "unit/nlu/nlu_fixture.h"

namespace crm::nlu::test {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct Case {
  std::string question;
  Pairs expected;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"draft a friendly follow-up to konex about gtx pro",
       {{"tone", "friendly"}, {"email_type", "follow_up"}, {"account", "Konex"}, {"product", "GTX Pro"}}},
      {"which west deals are at risk", {{"regional_office", "West"}}},
      {"how is acme doing", {{"account", "Acme Corporation"}}},
      {"summary of kan code", {{"account", "Kan-code"}}},
      {"win rate by sector in 2017", {{"by", "sector"}, {"period", "2017"}}},
      {"top 5 deals for moses frase", {{"top_n", "5"}, {"sales_agent", "Moses Frase"}}},
      {"how did melvn marxens team do last quarter", {{"manager", "Melvin Marxen"}, {"period", "2017-Q3"}}},
      {"lost deals in the west during q3 2017",
       {{"deal_stage", "Lost"}, {"regional_office", "West"}, {"period", "2017-Q3"}}},
      {"show engaging deals in the technology sector",
       {{"deal_stage", "Engaging"}, {"sector", "technology"}}},
      {"whats the win probability of 1c1i7a6r", {{"opportunity_id", "1C1I7A6R"}}},
      {"write an urgent check in email to initech inc",
       {{"tone", "urgent"}, {"email_type", "check_in"}, {"account", "Initech"}}},
      {"which tech accounts should we prioritize", {{"sector", "technology"}}},
      {"revenue forecast for next quarter", {{"period", "2018-Q1"}}},
      {"pipeline by region", {{"by", "regional_office"}}},
      {"three biggest open deals in retail", {{"top_n", "3"}, {"sector", "retail"}}},
      {"compare gtx basic and mg special sales", {{"product", "GTX Basic"}, {"product", "MG Special"}}},
      {"how are darcel schlecht and anna snelling performing",
       {{"sales_agent", "Darcel Schlecht"}, {"sales_agent", "Anna Snelling"}}},
      {"accounts in japan", {{"country", "Japan"}}},
      {"deals of the gtk series", {{"series", "GTK"}}},
      {"monthly won revenue in 2017", {{"by", "month"}, {"period", "2017"}}},
      {"give me 10 accounts to focus on", {{"top_n", "10"}}},
      {"draft a proposal for bluth company about mg advanced",
       {{"email_type", "proposal"}, {"account", "Bluth Company"}, {"product", "MG Advanced"}}},
      {"re-engage zumgoity with a consultative tone",
       {{"email_type", "re_engagement"}, {"account", "Zumgoity"}, {"tone", "consultative"}}},
      {"help me win back groovestreet", {{"email_type", "re_engagement"}, {"account", "Groovestreet"}}},
      {"what is the conversion rate of the central office", {{"regional_office", "Central"}}},
      {"healthcare accounts at risk of churning", {{"sector", "medical"}}},
      {"top 3 reps in the east this year", {{"top_n", "3"}, {"regional_office", "East"}, {"period", "2017"}}},
      {"how many prospecting opportunities does summer sewalds team have",
       {{"deal_stage", "Prospecting"}, {"manager", "Summer Sewald"}}},
      {"forecast for q1", {{"period", "2017-Q1"}}},
      {"sales of gtx plus pro by quarter", {{"product", "GTX Plus Pro"}, {"by", "quarter"}}},
      {"hottechi account summary", {{"account", "Hottechi"}}},
      {"tell me about the new york inquirer", {{"account", "The New York Inquirer"}}},
      {"score deal z063oyw0", {{"opportunity_id", "Z063OYW0"}}},
      {"who is the best agent in march 2017", {{"period", "2017-03"}}},
      {"is betasolion healthy", {{"account", "Betasoloin"}}},
      {"companies similar to codehow in the software sector",
       {{"account", "Codehow"}, {"sector", "software"}}},
      {"cold email to vehement capital about gtk 500",
       {{"email_type", "introduction"}, {"account", "Vehement Capital Partners"}, {"product", "GTK 500"}}},
      {"show the 5 most likely deals to close this month", {{"top_n", "5"}, {"period", "2017-12"}}},
      {"which sector had the highest revenue last year", {{"period", "2016"}}},
      {"how are accounts in the united states doing", {{"country", "United States"}}},
      {"win rate of cara losch vs rocco neubert", {{"manager", "Cara Losch"}, {"manager", "Rocco Neubert"}}},
      {"deals by stage for the mg series", {{"by", "deal_stage"}, {"series", "MG"}}},
      {"at risk accounts in telecom", {{"sector", "telecommunications"}}},
      {"what can you do", {}},
      {"tell me a joke", {}},
      {"finhigh vs finjob revenue", {{"account", "Finhigh"}, {"account", "Finjob"}}},
      {"revenue of umbrella corp since 2016", {{"account", "Umbrella Corporation"}, {"period", "2016"}}},
      {"prospects in kenya", {{"deal_stage", "Prospecting"}, {"country", "Kenya"}}},
      {"closing email to sonron formal tone",
       {{"email_type", "closing"}, {"account", "Sonron"}, {"tone", "professional"}}},
      {"average deal size per rep in the first quarter of 2017",
       {{"by", "sales_agent"}, {"period", "2017-Q1"}}},
      {"how is boris faz doing this year", {{"sales_agent", "Boris Faz"}, {"period", "2017"}}},
      {"deals with gekko", {{"account", "Gekko & Co"}}},
      {"which companies in the entertainment sector have more than 1000 employees",
       {{"sector", "entertainment"}}},
      {"follow up with warephase asap",
       {{"email_type", "follow_up"}, {"account", "Warephase"}, {"tone", "urgent"}}},
      {"the states pipeline by product", {{"country", "United States"}, {"by", "product"}}},
      {"how is dontechy doing", {{"account", "Dontechi"}}},
      {"zotwaer deals lost last month",
       {{"account", "Zotware"}, {"deal_stage", "Lost"}, {"period", "2017-11"}}},
      {"rosalina deiter pipeline", {{"sales_agent", "Rosalina Dieter"}}},
      {"best deals to push this week", {}},
      {"which reps have the most deals in engaging", {{"deal_stage", "Engaging"}}},
  };
  return cases;
}

Pairs Found(const LinkedQuery& query) {
  Pairs pairs;
  for (const EntitySpan& span : query.spans) pairs.emplace_back(span.key, span.value);
  return pairs;
}

TEST(NluKaggleQuestionsTest, EntityPrecisionAndRecallAtLeast95Percent) {
  CRM_REQUIRE_SHARED_DATA();
  auto imported = ingest::ImportFolder(crm::test::SharedDataDir());
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  const EntityLinker linker(imported->data);
  size_t expected_total = 0, found_total = 0, correct = 0;
  for (const Case& item : Cases()) {
    Pairs expected = item.expected;
    Pairs found = Found(linker.Link(item.question, AsOf("2017-12-31")));
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    Pairs common;
    std::set_intersection(expected.begin(), expected.end(), found.begin(), found.end(),
                          std::back_inserter(common));
    expected_total += expected.size();
    found_total += found.size();
    correct += common.size();
    if (common.size() != expected.size() || common.size() != found.size()) {
      std::cout << "  mismatch: \"" << item.question << "\" found";
      for (const auto& [key, value] : found) std::cout << " " << key << "=" << value;
      std::cout << std::endl;
    }
  }
  ASSERT_GE(Cases().size(), 40u);
  const double precision = static_cast<double>(correct) / static_cast<double>(found_total);
  const double recall = static_cast<double>(correct) / static_cast<double>(expected_total);
  std::cout << "  entity precision " << precision << ", recall " << recall << " over " << expected_total
            << " expected entities" << std::endl;
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
}

}  // namespace
}  // namespace crm::nlu::test
