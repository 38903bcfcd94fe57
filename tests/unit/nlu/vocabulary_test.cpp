// Email types, tones, groupings and deal stages through the linker.
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "crm/nlu/entity_linker.h"
#include "unit/nlu/nlu_fixture.h"

namespace crm::nlu::test {
namespace {

std::string ValueOf(const std::string& text, const std::string& key) {
  static const EntityLinker linker(NamesCrm());
  return linker.Link(text, AsOf("2017-12-31")).Value(key).value_or("");
}

TEST(NluVocabularyTest, EmailTypes) {
  const std::map<std::string, std::string> cases = {{"write a follow up to konex", "follow_up"},
                                                    {"send a follow-up", "follow_up"},
                                                    {"followup email", "follow_up"},
                                                    {"we are following up", "follow_up"},
                                                    {"an intro email", "introduction"},
                                                    {"introduce our team", "introduction"},
                                                    {"introductory note", "introduction"},
                                                    {"a cold email to acme", "introduction"},
                                                    {"first email to initech", "introduction"},
                                                    {"send a proposal", "proposal"},
                                                    {"a quote for gtx pro", "proposal"},
                                                    {"make them an offer", "proposal"},
                                                    {"check in with cheers", "check_in"},
                                                    {"a check-in email", "check_in"},
                                                    {"just checking in", "check_in"},
                                                    {"touch base with konex", "check_in"},
                                                    {"closing email for konex", "closing"},
                                                    {"help me close the deal", "closing"},
                                                    {"seal the deal with acme", "closing"},
                                                    {"a final push", "closing"},
                                                    {"win back konex", "re_engagement"},
                                                    {"win them back", "re_engagement"},
                                                    {"re-engage initech", "re_engagement"},
                                                    {"reengage initech", "re_engagement"},
                                                    {"a re-engagement email", "re_engagement"},
                                                    {"reconnect with acme", "re_engagement"},
                                                    {"revive the konex deal", "re_engagement"},
                                                    {"konex has gone quiet", "re_engagement"},
                                                    {"they have gone cold", "re_engagement"}};
  for (const auto& [text, type] : cases) EXPECT_EQ(ValueOf(text, "email_type"), type) << text;
  EXPECT_EQ(ValueOf("close rate by rep", "email_type"), "");
}

TEST(NluVocabularyTest, Tones) {
  const std::map<std::string, std::string> cases = {{"a professional email", "professional"},
                                                    {"formal tone", "professional"},
                                                    {"businesslike please", "professional"},
                                                    {"friendly note", "friendly"},
                                                    {"warm follow up", "friendly"},
                                                    {"keep it casual", "friendly"},
                                                    {"upbeat message", "friendly"},
                                                    {"urgent email", "urgent"},
                                                    {"reply urgently", "urgent"},
                                                    {"asap", "urgent"},
                                                    {"time-sensitive offer", "urgent"},
                                                    {"pressing matter", "urgent"},
                                                    {"consultative email", "consultative"},
                                                    {"advisory tone", "consultative"},
                                                    {"consultant-style note", "consultative"}};
  for (const auto& [text, tone] : cases) EXPECT_EQ(ValueOf(text, "tone"), tone) << text;
}

TEST(NluVocabularyTest, LongWordsWithATypo) {
  EXPECT_EQ(ValueOf("a freindly note to konex", "tone"), "friendly");
  EXPECT_EQ(ValueOf("keep it profesional", "tone"), "professional");
  EXPECT_EQ(ValueOf("folow up with konex", "email_type"), "follow_up");
  EXPECT_EQ(ValueOf("send a propsal", "email_type"), "proposal");
  EXPECT_EQ(ValueOf("write an introdution", "email_type"), "introduction");
  // Short words allow no typo: "quota" is no quote, "format" not formal, "causal" not casual.
  EXPECT_EQ(ValueOf("quota attainment by rep", "email_type"), "");
  EXPECT_EQ(ValueOf("export format", "tone"), "");
  EXPECT_EQ(ValueOf("causal factors", "tone"), "");
  EXPECT_EQ(ValueOf("checking the deals", "email_type"), "");
  EXPECT_EQ(ValueOf("friendship", "tone"), "");
}

TEST(NluVocabularyTest, Groupings) {
  const std::map<std::string, std::string> cases = {{"revenue by sector", "sector"},
                                                    {"win rate per industry", "sector"},
                                                    {"deals by vertical", "sector"},
                                                    {"revenue for each product", "product"},
                                                    {"broken down by rep", "sales_agent"},
                                                    {"deals by agent", "sales_agent"},
                                                    {"by salesperson", "sales_agent"},
                                                    {"win rate by manager", "manager"},
                                                    {"pipeline by region", "regional_office"},
                                                    {"by office", "regional_office"},
                                                    {"deals by stage", "deal_stage"},
                                                    {"revenue by account", "account"},
                                                    {"by customer", "account"},
                                                    {"by company", "account"},
                                                    {"by country", "country"},
                                                    {"by series", "series"},
                                                    {"by product line", "series"},
                                                    {"revenue by month", "month"},
                                                    {"monthly revenue", "month"},
                                                    {"month by month", "month"},
                                                    {"deals per month", "month"},
                                                    {"by quarter", "quarter"},
                                                    {"quarterly bookings", "quarter"},
                                                    {"per quarter", "quarter"},
                                                    {"revenue across sectors", "sector"}};
  for (const auto& [text, by] : cases) EXPECT_EQ(ValueOf(text, "by"), by) << text;
  EXPECT_EQ(ValueOf("revenue by sector", "sector"), "");
  EXPECT_EQ(ValueOf("revenue by product", "product"), "");
  EXPECT_EQ(ValueOf("deals closed by moses", "by"), "");
  EXPECT_EQ(ValueOf("revenue across the company", "by"), "");
}

TEST(NluVocabularyTest, GroupingNounsWithATypo) {
  // After "by" or "per" a dimension must follow: a noun of five letters or more may carry one typo.
  const std::map<std::string, std::string> cases = {{"win rate by prodcut", "product"},
                                                    {"revenue per secotr", "sector"},
                                                    {"deals by agnet", "sales_agent"},
                                                    {"pipeline by regoin", "regional_office"},
                                                    {"revenue by quater", "quarter"},
                                                    {"revenue across sectros", "sector"}};
  for (const auto& [text, by] : cases) EXPECT_EQ(ValueOf(text, "by"), by) << text;
  EXPECT_EQ(ValueOf("deals by team", "by"), "manager");
  EXPECT_EQ(ValueOf("deals by taem", "by"), "");        // four letters: too short for a typo
  EXPECT_EQ(ValueOf("deals closed by moses", "by"), "");  // a name, not a noun three edits away
}

TEST(NluVocabularyTest, StagesWhenTheQuestionFiltersOnThem) {
  const std::map<std::string, std::string> cases = {{"lost deals in the west", "Lost"},
                                                    {"show engaging deals", "Engaging"},
                                                    {"prospecting opportunities", "Prospecting"},
                                                    {"won deals this year", "Won"},
                                                    {"closed won last quarter", "Won"},
                                                    {"closed-lost deals", "Lost"},
                                                    {"deals in engaging", "Engaging"},
                                                    {"our prospects", "Prospecting"},
                                                    {"deals lost in q3", "Lost"},
                                                    {"deals at the engaging stage", "Engaging"}};
  for (const auto& [text, stage] : cases) EXPECT_EQ(ValueOf(text, "deal_stage"), stage) << text;
}

TEST(NluVocabularyTest, StagesNotWhenMeasured) {
  for (const char* text :
       {"win rate by rep", "won revenue this year", "won vs lost by sector", "how many deals did we win",
        "won deals vs lost deals", "open deals", "pipeline value", "write an engaging email"}) {
    EXPECT_EQ(ValueOf(text, "deal_stage"), "") << text;
  }
}

}  // namespace
}  // namespace crm::nlu::test
