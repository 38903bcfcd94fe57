// Goldens of top_opportunities and at_risk_deals on the Kaggle data, through the CLI. Every expected
// figure comes from bench/golden_deals.py (pandas, from the raw CSV files and the documented definitions,
// independent of the engine); run it to see where each number comes from. Tolerances only absorb the
// six decimals the JSON keeps.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/insight_json.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! `insight TYPE ARGS --json` on the Kaggle folder.
json KaggleInsight(const std::string& type, const std::string& args = "") {
  return test::KaggleInsight(type + " " + args);
}

//! The rows of `rows` by opportunity id.
std::map<std::string, json> ById(const std::vector<json>& rows) {
  std::map<std::string, json> by_id;
  for (const json& row : rows) by_id[row["opportunity_id"].get<std::string>()] = row;
  return by_id;
}

//! Checks the ids, days open and expected value of the ranked top_opportunities rows.
void ExpectTop(const json& insight, const std::vector<std::string>& ids, const std::vector<int>& days_open,
               double expected_value) {
  const auto rows = test::TableRows(insight, "top_opportunities");
  ASSERT_EQ(rows.size(), ids.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i]["opportunity_id"], ids[i]) << "rank " << i + 1;
    EXPECT_EQ(rows[i]["deal_stage"], "Engaging") << ids[i];
    EXPECT_EQ(rows[i]["days_open"], days_open[i]) << ids[i];
    EXPECT_NEAR(rows[i]["expected_value"].get<double>(), expected_value, 1e-5) << ids[i];
  }
}

//! Checks the reason flags of an at-risk deal.
void ExpectReasons(const std::map<std::string, json>& by_id, const std::string& id, int past_cycle,
                   int low_probability, int overloaded_agent) {
  const auto found = by_id.find(id);
  ASSERT_NE(found, by_id.end()) << id << " is not at risk";
  const json& row = found->second;
  EXPECT_EQ(row["past_cycle"], past_cycle) << id;
  EXPECT_EQ(row["low_probability"], low_probability) << id;
  EXPECT_EQ(row["overloaded_agent"], overloaded_agent) << id;
  EXPECT_EQ(row["no_recent_activity"], 0) << id;
  EXPECT_EQ(row["reasons_count"], past_cycle + low_probability + overloaded_agent) << id;
}

//! Number of at-risk rows per reasons_count.
std::map<int, int> PerReasonCount(const std::vector<json>& rows) {
  std::map<int, int> counts;
  for (const json& row : rows) ++counts[row["reasons_count"].get<int>()];
  return counts;
}

TEST(DealsGoldenTest, TopOpportunitiesOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = KaggleInsight("top_opportunities");
  EXPECT_EQ(insight["as_of"], "2017-12-31");
  const json& m = insight["metrics"];
  EXPECT_EQ(m["open_deals"], 2089);
  EXPECT_NEAR(m["open_expected_value"].get<double>(), 3108617.3458159836, 1e-5);
  EXPECT_NEAR(m["overall_win_rate"].get<double>(), 0.6315005215318135, 1e-6);
  EXPECT_EQ(m["top_deals"], 10);
  EXPECT_NEAR(m["top_expected_value"].get<double>(), 162648.5117965529, 1e-5);
  EXPECT_NEAR(m["top_share"].get<double>(), 0.052321818256424596, 1e-6);
  // All ten are GTK 500 (26,707.47 x 0.609 each), Engaging, ordered by fewer days open.
  ExpectTop(insight,
            {"1LY8CAXD", "A04V2WB3", "DO6VKC2G", "9SRD5NCR", "021Z2J9L", "5URQT67R", "GG85QBTM", "N3GVE0VP",
             "GL1YE4PQ", "DJMPI9TO"},
            {95, 150, 152, 157, 161, 200, 204, 227, 236, 257}, 16264.85117965529);
}

TEST(DealsGoldenTest, TopOpportunitiesFiltersOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json top5 = KaggleInsight("top_opportunities", "--top 5");
  EXPECT_EQ(top5["metrics"]["open_deals"], 2089);
  EXPECT_NEAR(top5["metrics"]["top_expected_value"].get<double>(), 81324.25589827645, 1e-5);
  EXPECT_NEAR(top5["metrics"]["top_share"].get<double>(), 0.026160909128212298, 1e-6);
  ExpectTop(top5, {"1LY8CAXD", "A04V2WB3", "DO6VKC2G", "9SRD5NCR", "021Z2J9L"}, {95, 150, 152, 157, 161},
            16264.85117965529);

  const json west = KaggleInsight("top_opportunities", "--regional-office West");
  EXPECT_EQ(west["filters"]["regional_office"], "West");
  EXPECT_EQ(west["metrics"]["open_deals"], 748);
  EXPECT_NEAR(west["metrics"]["open_expected_value"].get<double>(), 1248255.101304191, 1e-5);
  EXPECT_NEAR(west["metrics"]["top_share"].get<double>(), 0.1303006986525558, 1e-6);
  ExpectTop(west,
            {"1LY8CAXD", "A04V2WB3", "9SRD5NCR", "021Z2J9L", "5URQT67R", "GG85QBTM", "N3GVE0VP", "GL1YE4PQ",
             "DJMPI9TO", "AKMV6WN5"},
            {95, 150, 157, 161, 200, 204, 227, 236, 257, 269}, 16264.85117965529);

  // Ranks 7 to 9 share 57 days open: the agents' win rates order them.
  const json gtx_pro = KaggleInsight("top_opportunities", "--product \"GTX Pro\"");
  EXPECT_EQ(gtx_pro["metrics"]["open_deals"], 333);
  EXPECT_NEAR(gtx_pro["metrics"]["open_expected_value"].get<double>(), 1019143.6470866001, 1e-5);
  EXPECT_NEAR(gtx_pro["metrics"]["top_expected_value"].get<double>(), 30604.91432692493, 1e-5);
  EXPECT_NEAR(gtx_pro["metrics"]["top_share"].get<double>(), 0.030030030030030033, 1e-6);
  ExpectTop(gtx_pro,
            {"NGTVHTFH", "RTWE19SU", "D55HTKRU", "6JBM1ZKO", "C2FSIMZP", "QD7MU7DD", "WJO52I18", "SQ71BWHG",
             "ON821ADT", "N2249A7T"},
            {12, 14, 37, 52, 54, 56, 57, 57, 57, 59}, 3060.491432692493);
}

TEST(DealsGoldenTest, TopOpportunitiesAsOfOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  // History rewound to 2017-06-30: deals closed later were open, deals engaged later did not exist, and
  // values and probabilities come from the deals closed by then.
  const json insight = KaggleInsight("top_opportunities", "--as-of 2017-06-30");
  EXPECT_EQ(insight["as_of"], "2017-06-30");
  const json& m = insight["metrics"];
  EXPECT_EQ(m["open_deals"], 2186);
  EXPECT_NEAR(m["open_expected_value"].get<double>(), 3518933.9626020584, 1e-5);
  EXPECT_NEAR(m["overall_win_rate"].get<double>(), 0.6662933930571109, 1e-6);
  EXPECT_NEAR(m["top_expected_value"].get<double>(), 177149.9030336964, 1e-5);
  EXPECT_NEAR(m["top_share"].get<double>(), 0.050341923126827816, 1e-6);
  ExpectTop(insight,
            {"CQZSFN7C", "5URQT67R", "LSJ2A8ZX", "GG85QBTM", "4X3H9YD5", "83JP1K4E", "TB27K4GC", "N3GVE0VP",
             "GL1YE4PQ", "DJMPI9TO"},
            {13, 16, 19, 20, 32, 33, 39, 43, 52, 73}, 17714.99030336964);
  // GTX Pro deals engaged on 2017-06-30 (0 days) and the day before, the agents' rates ordering them.
  const json gtx_pro = KaggleInsight("top_opportunities", "--product \"GTX Pro\" --as-of 2017-06-30");
  EXPECT_EQ(gtx_pro["metrics"]["open_deals"], 368);
  EXPECT_NEAR(gtx_pro["metrics"]["open_expected_value"].get<double>(), 1179736.6269212472, 1e-5);
  EXPECT_NEAR(gtx_pro["metrics"]["top_share"].get<double>(), 0.02717391304347826, 1e-6);
  ExpectTop(gtx_pro,
            {"G3DIX74Y", "2CZVRGQ4", "ON9H54WD", "8IYVJKT4", "QU7MSL36", "9824T94P", "CMCVD0N8", "SNGS64S7",
             "ZZCKQ2JV", "JT1UUOXN"},
            {0, 0, 0, 1, 1, 1, 1, 1, 1, 1}, 3205.8060514164326);
}

TEST(DealsGoldenTest, AtRiskDealsThresholdsOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = KaggleInsight("at_risk_deals");
  EXPECT_EQ(insight["as_of"], "2017-12-31");
  const json& m = insight["metrics"];
  EXPECT_EQ(m["cycle_p75_days_all_products"], 88.0);
  EXPECT_EQ(m["min_wins_for_product_cycle"], 20);
  EXPECT_NEAR(m["low_probability_cutoff"].get<double>(), 0.6214090529833347, 1e-6);
  EXPECT_EQ(m["agent_open_deals_threshold"], 140.875);  // only Darcel Schlecht is above, with 194
  EXPECT_TRUE(m["no_activity_threshold_days"].is_null());
  EXPECT_TRUE(m["deals_no_recent_activity"].is_null());
  EXPECT_EQ(m["open_deals"], 2089);
  EXPECT_EQ(m["at_risk_deals"], 1678);
  EXPECT_NEAR(m["at_risk_share"].get<double>(), 0.8032551460028722, 1e-6);
  EXPECT_NEAR(m["at_risk_estimated_value"].get<double>(), 4345380.390546058, 1e-5);
  EXPECT_NEAR(m["at_risk_expected_value"].get<double>(), 2719117.231622135, 1e-5);
  EXPECT_EQ(m["deals_past_cycle"], 1482);
  EXPECT_EQ(m["deals_low_probability"], 343);
  EXPECT_EQ(m["deals_overloaded_agent"], 194);

  const std::map<std::string, std::pair<int, double>> cycles = {
      {"GTX Basic", {915, 91}},   {"GTX Pro", {729, 84}},      {"MG Special", {793, 88}},
      {"MG Advanced", {654, 87}}, {"GTX Plus Pro", {479, 85}}, {"GTX Plus Basic", {653, 90}},
      {"GTK 500", {15, 88}}};  // fewer than 20 wins: all products' P75
  const auto cycle_rows = test::TableRows(insight, "cycle_thresholds");
  ASSERT_EQ(cycle_rows.size(), cycles.size());
  for (const json& row : cycle_rows) {
    const auto& [won, p75] = cycles.at(row["product"].get<std::string>());
    EXPECT_EQ(row["won_deals"], won) << row["product"];
    EXPECT_EQ(row["p75_cycle_days"], p75) << row["product"];
  }
  const auto ranked = test::TableRows(insight, "at_risk_deals");
  ASSERT_EQ(ranked.size(), 20u);
  // Nine deals have all three reasons; next comes a GTK 500 deal with two (the highest expected value).
  for (size_t i = 0; i < 9; ++i) EXPECT_EQ(ranked[i]["reasons_count"], 3) << i;
  EXPECT_EQ(ranked[9]["reasons_count"], 2);
  EXPECT_EQ(ranked[9]["product"], "GTK 500");
}

TEST(DealsGoldenTest, AtRiskDealsReasonsOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const auto rows = test::TableRows(KaggleInsight("at_risk_deals", "--top 5000"), "at_risk_deals");
  ASSERT_EQ(rows.size(), 1678u);
  EXPECT_EQ(PerReasonCount(rows), (std::map<int, int>{{1, 1346}, {2, 323}, {3, 9}}));
  const auto by_id = ById(rows);
  ExpectReasons(by_id, "WLDFQR7Z", 1, 1, 1);  // MG Advanced, 163 days > 87, 0.6036, Darcel Schlecht
  ExpectReasons(by_id, "125VIRMX", 1, 1, 0);  // GTK 500, 377 days > 88 (all products)
  ExpectReasons(by_id, "EP5QRHID", 1, 1, 0);  // MG Advanced, 88 days > 87
  ExpectReasons(by_id, "JIEO87ZV", 0, 1, 0);  // MG Advanced, 86 days, not > 87
  ExpectReasons(by_id, "GWOOPZE8", 1, 0, 0);  // GTX Plus Basic 91 > 90; probability = the cut-off
  ExpectReasons(by_id, "WV2YBM8V", 1, 0, 0);  // GTX Basic 92 > 91
  ExpectReasons(by_id, "LEJWV2Y5", 0, 0, 1);  // Prospecting: no cycle test; Darcel Schlecht
  EXPECT_EQ(by_id.count("EM1BA4EK"), 0u);     // GTX Basic 91, not > 91; no other reason
  EXPECT_TRUE(by_id.at("LEJWV2Y5")["days_open"].is_null());
  EXPECT_EQ(by_id.at("EP5QRHID")["days_open"], 88);
}

TEST(DealsGoldenTest, AtRiskDealsFiltersOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  // The thresholds are learned from every deal: the filters change the counts, not the yardsticks.
  const json top5 = KaggleInsight("at_risk_deals", "--top 5");
  EXPECT_EQ(top5["metrics"]["at_risk_deals"], 1678);
  const auto top5_rows = test::TableRows(top5, "at_risk_deals");
  ASSERT_EQ(top5_rows.size(), 5u);
  for (const json& row : top5_rows) EXPECT_EQ(row["reasons_count"], 3) << row["opportunity_id"];

  const json west = KaggleInsight("at_risk_deals", "--regional-office West --top 5000");
  const json& w = west["metrics"];
  EXPECT_NEAR(w["low_probability_cutoff"].get<double>(), 0.6214090529833347, 1e-6);
  EXPECT_EQ(w["agent_open_deals_threshold"], 140.875);
  EXPECT_EQ(w["open_deals"], 748);
  EXPECT_EQ(w["at_risk_deals"], 685);
  EXPECT_NEAR(w["at_risk_share"].get<double>(), 0.9157754010695187, 1e-6);
  EXPECT_NEAR(w["at_risk_estimated_value"].get<double>(), 1879736.232233667, 1e-5);
  EXPECT_NEAR(w["at_risk_expected_value"].get<double>(), 1175194.3919675339, 1e-5);
  EXPECT_EQ(w["deals_past_cycle"], 681);
  EXPECT_EQ(w["deals_low_probability"], 118);
  EXPECT_EQ(w["deals_overloaded_agent"], 0);
  const auto west_rows = test::TableRows(west, "at_risk_deals");
  EXPECT_EQ(PerReasonCount(west_rows), (std::map<int, int>{{1, 571}, {2, 114}}));
  const auto west_by_id = ById(west_rows);
  ExpectReasons(west_by_id, "125VIRMX", 1, 1, 0);
  ExpectReasons(west_by_id, "WV2YBM8V", 1, 0, 0);
  EXPECT_EQ(west_by_id.count("WLDFQR7Z"), 0u);  // Central

  const json gtx_pro = KaggleInsight("at_risk_deals", "--product \"GTX Pro\" --top 5000");
  const json& g = gtx_pro["metrics"];
  EXPECT_EQ(g["cycle_p75_days_all_products"], 88.0);
  EXPECT_EQ(g["open_deals"], 333);
  EXPECT_EQ(g["at_risk_deals"], 289);
  EXPECT_NEAR(g["at_risk_share"].get<double>(), 0.8678678678678678, 1e-6);
  EXPECT_NEAR(g["at_risk_estimated_value"].get<double>(), 1391710.620027435, 1e-5);
  EXPECT_NEAR(g["at_risk_expected_value"].get<double>(), 884482.0240481304, 1e-5);
  EXPECT_EQ(g["deals_past_cycle"], 236);
  EXPECT_EQ(g["deals_low_probability"], 0);  // GTX Pro's 0.6355 is above the cut-off
  EXPECT_EQ(g["deals_overloaded_agent"], 93);
  EXPECT_EQ(PerReasonCount(test::TableRows(gtx_pro, "at_risk_deals")), (std::map<int, int>{{1, 249}, {2, 40}}));
}

TEST(DealsGoldenTest, AtRiskDealsAsOfOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json insight = KaggleInsight("at_risk_deals", "--as-of 2017-06-30 --top 5000");
  EXPECT_EQ(insight["as_of"], "2017-06-30");
  const json& m = insight["metrics"];
  EXPECT_EQ(m["cycle_p75_days_all_products"], 91.0);
  EXPECT_NEAR(m["low_probability_cutoff"].get<double>(), 0.6634138537833947, 1e-6);
  EXPECT_NEAR(m["overall_win_rate"].get<double>(), 0.6662933930571109, 1e-6);
  EXPECT_EQ(m["agent_open_deals_threshold"], 150.375);  // Darcel Schlecht above, with 196
  EXPECT_EQ(m["open_deals"], 2186);
  EXPECT_EQ(m["at_risk_deals"], 830);
  EXPECT_NEAR(m["at_risk_share"].get<double>(), 0.3796889295516926, 1e-6);
  EXPECT_NEAR(m["at_risk_estimated_value"].get<double>(), 2523609.399996576, 1e-5);
  EXPECT_NEAR(m["at_risk_expected_value"].get<double>(), 1667717.200931192, 1e-5);
  EXPECT_EQ(m["deals_past_cycle"], 353);
  EXPECT_EQ(m["deals_low_probability"], 358);
  EXPECT_EQ(m["deals_overloaded_agent"], 196);

  const std::map<std::string, std::pair<int, double>> cycles = {
      {"GTX Basic", {402, 92.75}}, {"GTX Pro", {303, 86}},      {"MG Special", {331, 89.5}},
      {"MG Advanced", {285, 89}},  {"GTX Plus Pro", {193, 95}}, {"GTX Plus Basic", {263, 93}},
      {"GTK 500", {8, 91}}};
  const auto cycle_rows = test::TableRows(insight, "cycle_thresholds");
  ASSERT_EQ(cycle_rows.size(), cycles.size());
  for (const json& row : cycle_rows) {
    const auto& [won, p75] = cycles.at(row["product"].get<std::string>());
    EXPECT_EQ(row["won_deals"], won) << row["product"];
    EXPECT_EQ(row["p75_cycle_days"], p75) << row["product"];
  }
  const auto rows = test::TableRows(insight, "at_risk_deals");
  EXPECT_EQ(PerReasonCount(rows), (std::map<int, int>{{1, 753}, {2, 77}}));
  const auto by_id = ById(rows);
  ExpectReasons(by_id, "VK9KN5PT", 0, 1, 0);  // MG Advanced 89 days, not > 89
  ExpectReasons(by_id, "I6U62W0R", 1, 0, 0);  // GTX Basic 93 > 92.75
  ExpectReasons(by_id, "QK5BW61U", 0, 1, 0);  // won on 2017-08-05: still Engaging, 75 days
  ExpectReasons(by_id, "QZ2E9TSL", 0, 1, 0);  // lost on 2017-08-12: still Engaging, 74 days
  EXPECT_EQ(by_id.at("QK5BW61U")["deal_stage"], "Engaging");
  EXPECT_EQ(by_id.at("QK5BW61U")["days_open"], 75);
  EXPECT_EQ(by_id.count("NGTVHTFH"), 0u);  // engaged 2017-12-19
  EXPECT_EQ(by_id.count("EP5QRHID"), 0u);  // engaged 2017-10-04

  const json west = KaggleInsight("at_risk_deals", "--regional-office West --as-of 2017-06-30");
  EXPECT_EQ(west["metrics"]["open_deals"], 764);
  EXPECT_EQ(west["metrics"]["at_risk_deals"], 301);
  EXPECT_EQ(west["metrics"]["deals_past_cycle"], 226);
  EXPECT_EQ(west["metrics"]["deals_low_probability"], 112);
  EXPECT_NEAR(west["metrics"]["at_risk_expected_value"].get<double>(), 554930.1546068573, 1e-5);
  const json gtx_pro = KaggleInsight("at_risk_deals", "--product \"GTX Pro\" --as-of 2017-06-30");
  EXPECT_EQ(gtx_pro["metrics"]["open_deals"], 368);
  EXPECT_EQ(gtx_pro["metrics"]["at_risk_deals"], 153);
  EXPECT_EQ(gtx_pro["metrics"]["deals_past_cycle"], 57);
  EXPECT_EQ(gtx_pro["metrics"]["deals_overloaded_agent"], 96);
  EXPECT_NEAR(gtx_pro["metrics"]["at_risk_estimated_value"].get<double>(), 734949.3861386139, 1e-5);
}

}  // namespace
}  // namespace crm
