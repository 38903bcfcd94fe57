#include "crm/nlu/top_n.h"

#include <string>

#include <gtest/gtest.h>

#include "crm/nlu/entity_linker.h"
#include "unit/nlu/nlu_fixture.h"

namespace crm::nlu::test {
namespace {

std::string TopN(const std::string& text) {
  static const EntityLinker linker(NamesCrm());
  return linker.Link(text, AsOf("2017-12-31")).Value("top_n").value_or("");
}

TEST(NluTopNTest, CountsThatRank) {
  EXPECT_EQ(TopN("top 5 deals"), "5");
  EXPECT_EQ(TopN("top five deals"), "5");
  EXPECT_EQ(TopN("5 best opportunities"), "5");
  EXPECT_EQ(TopN("three biggest deals"), "3");
  EXPECT_EQ(TopN("best 10 deals"), "10");
  EXPECT_EQ(TopN("ten largest accounts"), "10");
  EXPECT_EQ(TopN("the 3 most likely deals to close"), "3");
  EXPECT_EQ(TopN("give me 7 accounts to focus on"), "7");
  EXPECT_EQ(TopN("show 12 deals"), "12");
  EXPECT_EQ(TopN("list the top twenty reps"), "20");
  EXPECT_EQ(TopN("top-5 accounts"), "5");
  EXPECT_EQ(TopN("top10 deals"), "10");
}

TEST(NluTopNTest, OtherNumbersAreNoTopN) {
  EXPECT_EQ(TopN("top deals in 2017"), "");
  EXPECT_EQ(TopN("best deals in q3"), "");
  EXPECT_EQ(TopN("accounts with more than 1000 employees"), "");
  EXPECT_EQ(TopN("accounts with more than 3 deals"), "");
  EXPECT_EQ(TopN("score 1c1i7a6r"), "");
  EXPECT_EQ(TopN("deals worth $5 or more"), "");
  EXPECT_EQ(TopN("deals older than 30 days"), "");
  EXPECT_EQ(TopN("top accounts"), "");
  EXPECT_EQ(TopN("topic of the call"), "");
}

TEST(NluTopNTest, SpanIsTheCountAndStaysUnmasked) {
  static const EntityLinker linker(NamesCrm());
  const LinkedQuery query = linker.Link("top 5 deals", AsOf("2017-12-31"));
  ASSERT_EQ(query.spans.size(), 1u);
  EXPECT_EQ(query.spans[0].begin, 4u);
  EXPECT_EQ(query.spans[0].end, 5u);
  EXPECT_EQ(query.masked_text, "top 5 deals");
}

}  // namespace
}  // namespace crm::nlu::test
