#include <gtest/gtest.h>

#include "agents_fixture.h"
#include "crm/agents/facts_text.h"
#include "crm/agents/narrative.h"
#include "number_check.h"
#include "support/test_support.h"
#include "unit/analytics/analytics_fixture.h"

namespace crm::agents::test {

namespace {

const llm::OfflineWriter kWriter;

void ExpectNarrative(const analytics::Insight& insight) {
  const Narrative narrative = NarrateInsight(insight, kWriter);
  const std::string& text = narrative.text.text;
  EXPECT_NE(text.find("Key findings"), std::string::npos) << insight.type;
  const size_t recommendations = narrative.facts["recommendations"].size();
  EXPECT_GE(recommendations, 2u) << insight.type;
  EXPECT_LE(recommendations, 3u) << insight.type;
  EXPECT_FALSE(narrative.facts["findings"].empty()) << insight.type;
  EXPECT_EQ(UnbackedNumbers(text, narrative.facts), std::vector<std::string>()) << insight.type << "\n"
                                                                                << text;
  EXPECT_EQ(NarrateInsight(insight, kWriter).text.text, text);
  EXPECT_EQ(narrative.task.agent, "narrative");
}

}  // namespace

TEST(AgentsNarrative, EveryTypeOnHandMadeData) {
  const Dataset data = analytics::test::SmallCrm();
  for (const std::string& type : analytics::InsightTypes())
    ExpectNarrative(analytics::test::RunInsight(data, type));
}

TEST(AgentsNarrative, KeyMetricsComeFirst) {
  const Dataset data = analytics::test::SmallCrm();
  const Narrative narrative = NarrateInsight(analytics::test::RunInsight(data, "pipeline_overview"), kWriter);
  EXPECT_EQ(Text(narrative.facts["findings"][0], "metric"), "open_pipeline_value");
}

TEST(AgentsNarrative, KaggleComparesWithTheBaselines) {
  CRM_REQUIRE_SHARED_DATA();
  const AgentWorld& world = KaggleWorld();
  ASSERT_TRUE(world.context);
  for (const std::string& type : analytics::InsightTypes()) {
    auto insight = world.context->engine().Run(type, analytics::FilterRequest{});
    ASSERT_TRUE(insight.ok());
    ExpectNarrative(*insight);
  }
  auto conversion = world.context->engine().Run("conversion_analysis", analytics::FilterRequest{});
  const Narrative narrative = NarrateInsight(*conversion, kWriter);
  const nlohmann::json& groups = narrative.facts["group_comparison"];
  ASSERT_TRUE(groups.is_object());
  // The comparison uses the insight's own overall rate and its best group.
  EXPECT_DOUBLE_EQ(Number(groups, "overall_win_rate"),
                   analytics::CellNumber(*conversion->FindMetric("win_rate")));
  EXPECT_EQ(Text(groups["best"], "group"),
            std::get<std::string>(*conversion->FindMetric("highest_win_rate_group")));
  EXPECT_NE(narrative.text.text.find(Text(groups["best"], "group")), std::string::npos);
  EXPECT_TRUE(narrative.facts["period_comparison"].is_object());
  EXPECT_NE(narrative.text.text.find("percentage points"), std::string::npos);
  for (const std::string& type : analytics::InsightTypes()) {
    const nlohmann::json periods =
        NarrativeFacts(*world.context->engine().Run(type, analytics::FilterRequest{}))["period_comparison"];
    if (periods.is_object()) EXPECT_NE(Text(periods, "period"), Text(periods, "previous_period")) << type;
  }
}

}  // namespace crm::agents::test
