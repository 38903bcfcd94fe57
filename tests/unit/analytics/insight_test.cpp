// Insight rendering: the contract's JSON fields, missing values as null, readable text for terminals.
#include "crm/analytics/insight.h"

#include <cmath>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace crm::analytics {
namespace {

Insight Sample() {
  Insight insight;
  insight.type = "sample";
  insight.as_of = 17531;  // 2017-12-31
  insight.filters = {{"sector", "retail"}, {"top", "2"}};
  insight.Metric("deals", int64_t{1234567});
  insight.Metric("win_rate", 0.6315);
  insight.Metric("average_won_deal", std::nan(""));
  insight.tables.push_back({"ranked",
                            {"name", "value", "reason"},
                            {{std::string("Acme"), 2.5, std::string(50, 'x')},
                             {std::string("Bolt"), nullptr, std::string("short")},
                             {std::string("Cora"), int64_t{3}, std::string("short")}}});
  insight.charts.push_back({"c", "bar", "Title", "USD", "name", "value", {"Acme"}, {{"value", {std::nan("")}, {}, {}}}});
  insight.Define("win_rate", "won / closed");
  insight.notes.push_back("a caveat");
  return insight;
}

TEST(InsightTest, JsonHasTheContractFieldsAndNullsForMissingValues) {
  const nlohmann::json json = InsightJson(Sample());
  EXPECT_EQ(json["type"], "sample");
  EXPECT_EQ(json["as_of"], "2017-12-31");
  EXPECT_EQ(json["filters"]["sector"], "retail");
  EXPECT_EQ(json["filters"]["top"], 2);
  EXPECT_EQ(json["metrics"]["deals"], 1234567);
  EXPECT_TRUE(json["metrics"]["average_won_deal"].is_null());
  EXPECT_EQ(json["tables"][0]["columns"].size(), 3u);
  EXPECT_TRUE(json["tables"][0]["rows"][1][1].is_null());
  EXPECT_TRUE(json["charts"][0]["series"][0]["values"][0].is_null());
  EXPECT_EQ(json["definitions"]["win_rate"], "won / closed");
  EXPECT_EQ(json["notes"][0], "a caveat");
}

TEST(InsightTest, TextShowsRatesAsPercentagesAndLongTextBelowItsRow) {
  const std::string text = InsightText(Sample(), 2);
  EXPECT_NE(text.find("sample as of 2017-12-31  sector=retail  top=2"), std::string::npos);
  EXPECT_NE(text.find("1,234,567"), std::string::npos);
  EXPECT_NE(text.find("63.1%"), std::string::npos);
  EXPECT_NE(text.find("      reason: " + std::string(50, 'x')), std::string::npos);
  EXPECT_EQ(text.find("Cora"), std::string::npos);  // cut at two rows
  EXPECT_NE(text.find("1 more rows"), std::string::npos);
  EXPECT_NE(text.find("  - a caveat"), std::string::npos);
}

}  // namespace
}  // namespace crm::analytics
