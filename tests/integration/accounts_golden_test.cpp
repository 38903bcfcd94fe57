// Goldens of account_health, at_risk_accounts and account_prioritization on the Kaggle data, through the
// CLI. Every expected figure comes from bench/golden_accounts.py (pandas, from the raw CSV files and the
// definitions of docs/analytics/account_health.md, independently of the engine); run it to see them all.
// The evidence sentences are written here from the script's figures (days, rhythm, counts).
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/insight_json.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();  // the engine writes null
constexpr double kTolerance = 1e-5;                                  // JSON figures carry 6 decimals

//! One account's figures in the tables account_health, health_inputs and account_prioritization.
struct AccountGolden {
  std::string account;
  double days_since_last_win;
  double buying_rhythm_days;
  std::string rhythm_basis;
  double wins_last_365_days;
  double won_value_last_365_days;
  double recent_closed;
  double earlier_closed;
  double open_deals;
  double open_value;
  double average_quarterly_won;
  std::array<double, 5> components;  // recency, frequency, monetary, win_trend, pipeline_coverage
  double health_score;
  std::string band;
  std::array<double, 3> parts;  // whitespace_score, pipeline_score, size_score
  double whitespace_value;
  double potential_score;
};

//! One row of the table whitespace.
struct WhitespaceGolden {
  std::string account;
  std::string product;
  double peer_adoption_rate;
  int adopting_peers;
  int sector_peers;
  double estimated_deal_value;
};

//! One row of the table at_risk_accounts.
struct VerdictGolden {
  std::string account;
  int reasons;
  std::string evidence;
  double loss_run;
};

json InsightJson(const std::string& type, const std::string& filters) {
  auto run = test::RunCli("--data " + test::SharedDataDir() + " --json insight " + type + " --top 1000 " + filters);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  return run.exit_code == 0 ? json::parse(run.out) : json::object();
}

//! The table `name` as objects column → value, keyed by `key` (the account, or account/product).
std::map<std::string, json> Rows(const json& insight, const std::string& name) {
  std::map<std::string, json> rows;
  for (json& row : test::TableRows(insight, name, false)) {
    const std::string key = row["account"].get<std::string>() +
                            (row.contains("product") ? "/" + row["product"].get<std::string>() : "");
    rows[key] = std::move(row);
  }
  return rows;
}

void ExpectFigure(const json& value, double expected, const std::string& what) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(value.is_null()) << what << " = " << value;
  } else {
    ASSERT_TRUE(value.is_number()) << what << " = " << value;
    EXPECT_NEAR(value.get<double>(), expected, kTolerance) << what;
  }
}

//! The three insights of one set of filters.
struct Insights {
  json health, at_risk, prioritization;
};

Insights RunInsights(const std::string& filters) {
  return {InsightJson("account_health", filters), InsightJson("at_risk_accounts", filters),
          InsightJson("account_prioritization", filters)};
}

void ExpectAccounts(const Insights& insights, const std::vector<AccountGolden>& goldens) {
  const auto scores = Rows(insights.health, "account_health");
  const auto inputs = Rows(insights.health, "health_inputs");
  const auto potentials = Rows(insights.prioritization, "account_prioritization");
  for (const AccountGolden& g : goldens) {
    SCOPED_TRACE(g.account);
    ASSERT_TRUE(scores.contains(g.account) && inputs.contains(g.account) && potentials.contains(g.account));
    const json& in = inputs.at(g.account);
    ExpectFigure(in["days_since_last_win"], g.days_since_last_win, "days_since_last_win");
    ExpectFigure(in["buying_rhythm_days"], g.buying_rhythm_days, "buying_rhythm_days");
    EXPECT_EQ(in["rhythm_basis"], g.rhythm_basis);
    ExpectFigure(in["wins_last_365_days"], g.wins_last_365_days, "wins_last_365_days");
    ExpectFigure(in["won_value_last_365_days"], g.won_value_last_365_days, "won_value_last_365_days");
    ExpectFigure(in["recent_closed"], g.recent_closed, "recent_closed");
    ExpectFigure(in["earlier_closed"], g.earlier_closed, "earlier_closed");
    ExpectFigure(in["open_deals"], g.open_deals, "open_deals");
    ExpectFigure(in["open_value"], g.open_value, "open_value");
    ExpectFigure(in["average_quarterly_won"], g.average_quarterly_won, "average_quarterly_won");
    const json& score = scores.at(g.account);
    const std::array<const char*, 5> components = {"recency", "frequency", "monetary", "win_trend",
                                                   "pipeline_coverage"};
    for (size_t c = 0; c < components.size(); ++c) ExpectFigure(score[components[c]], g.components[c], components[c]);
    ExpectFigure(score["health_score"], g.health_score, "health_score");
    EXPECT_EQ(score["band"], g.band);
    const json& potential = potentials.at(g.account);
    const std::array<const char*, 3> parts = {"whitespace_score", "pipeline_score", "size_score"};
    for (size_t p = 0; p < parts.size(); ++p) ExpectFigure(potential[parts[p]], g.parts[p], parts[p]);
    ExpectFigure(potential["health_score"], g.health_score, "prioritization health_score");
    ExpectFigure(potential["whitespace_value"], g.whitespace_value, "whitespace_value");
    ExpectFigure(potential["potential_score"], g.potential_score, "potential_score");
  }
}

//! `goldens` are every whitespace product of `accounts`: no other row names them.
void ExpectWhitespace(const json& prioritization, const std::vector<std::string>& accounts,
                      const std::vector<WhitespaceGolden>& goldens) {
  const auto rows = Rows(prioritization, "whitespace");
  for (const WhitespaceGolden& g : goldens) {
    SCOPED_TRACE(g.account + "/" + g.product);
    ASSERT_TRUE(rows.contains(g.account + "/" + g.product));
    const json& row = rows.at(g.account + "/" + g.product);
    ExpectFigure(row["peer_adoption_rate"], g.peer_adoption_rate, "peer_adoption_rate");
    EXPECT_EQ(row["adopting_peers"], g.adopting_peers);
    EXPECT_EQ(row["sector_peers"], g.sector_peers);
    ExpectFigure(row["estimated_deal_value"], g.estimated_deal_value, "estimated_deal_value");
  }
  for (const std::string& account : accounts) {
    size_t listed = 0, expected = 0;
    for (const auto& [key, row] : rows) listed += row["account"] == account;
    for (const WhitespaceGolden& g : goldens) expected += g.account == account;
    EXPECT_EQ(listed, expected) << account;
  }
}

//! The accounts of `verdicts` are at risk as given; those of `safe` are not listed.
void ExpectVerdicts(const json& at_risk, const std::vector<VerdictGolden>& verdicts,
                    const std::vector<std::string>& safe) {
  const auto rows = Rows(at_risk, "at_risk_accounts");
  for (const VerdictGolden& g : verdicts) {
    SCOPED_TRACE(g.account);
    ASSERT_TRUE(rows.contains(g.account));
    EXPECT_EQ(rows.at(g.account)["reasons"], g.reasons);
    EXPECT_EQ(rows.at(g.account)["evidence"], g.evidence);
    ExpectFigure(rows.at(g.account)["loss_run"], g.loss_run, "loss_run");
  }
  for (const std::string& account : safe) EXPECT_FALSE(rows.contains(account)) << account;
}

//! Accounts per reason: overdue_win, win_rate_drop, pipeline_dried_up, loss_run.
void ExpectReasonCounts(const json& at_risk, const std::array<int, 4>& counts) {
  const std::array<const char*, 4> reasons = {"overdue_win", "win_rate_drop", "pipeline_dried_up", "loss_run"};
  std::map<std::string, json> by_reason;
  for (const json& table : at_risk["tables"]) {
    if (table["name"] != "reasons") continue;
    for (const json& row : table["rows"]) by_reason[row[0].get<std::string>()] = row[1];
  }
  for (size_t r = 0; r < reasons.size(); ++r) EXPECT_EQ(by_reason[reasons[r]], counts[r]) << reasons[r];
}

//! Accounts per band: Healthy, Watch, At risk.
void ExpectBands(const json& health, int healthy, int watch, int at_risk) {
  EXPECT_EQ(health["metrics"]["healthy_accounts"], healthy);
  EXPECT_EQ(health["metrics"]["watch_accounts"], watch);
  EXPECT_EQ(health["metrics"]["at_risk_accounts"], at_risk);
}

// Lowest score (employment: 3 other sector accounts, the least for a whitespace), fewest deals, most
// deals, a subsidiary, two accounts overdue for a win; at the data's latest date, no filter.
const std::vector<AccountGolden> kDefaultAccounts = {
    {.account = "Ontomedia", .days_since_last_win = 12, .buying_rhythm_days = 5, .rhythm_basis = "own",
     .wins_last_365_days = 34, .won_value_last_365_days = 110098, .recent_closed = 30, .earlier_closed = 26,
     .open_deals = 3, .open_value = 7649.984024, .average_quarterly_won = 24884.464418,
     .components = {37.777778, 18.452381, 47.619048, 18.205128, 30.742008}, .health_score = 31.408505,
     .band = "At risk", .parts = {99.404762, 14.285714, 44.047619}, .whitespace_value = 17804.977778,
     .potential_score = 53.45432},
    {.account = "Iselectrics", .days_since_last_win = 3, .buying_rhythm_days = 8, .rhythm_basis = "own",
     .wins_last_365_days = 25, .won_value_last_365_days = 72543, .recent_closed = 21, .earlier_closed = 17,
     .open_deals = 13, .open_value = 27050.558807, .average_quarterly_won = 18298.57096,
     .components = {100, 1.190476, 10.714286, 11.344538, 100}, .health_score = 51.161641, .band = "Watch",
     .parts = {0, 80.952381, 29.761905}, .whitespace_value = 0, .potential_score = 36.422804},
    {.account = "Hottechi", .days_since_last_win = 0, .buying_rhythm_days = 2, .rhythm_basis = "own",
     .wins_last_365_days = 111, .won_value_last_365_days = 194957, .recent_closed = 111, .earlier_closed = 82,
     .open_deals = 7, .open_value = 2882.560282, .average_quarterly_won = 46000.028585,
     .components = {100, 98.809524, 95.238095, 37.95869, 6.266432}, .health_score = 71.459895, .band = "Healthy",
     .parts = {0, 1.190476, 96.428571}, .whitespace_value = 0, .potential_score = 33.875312},
    {.account = "Treequote", .days_since_last_win = 1, .buying_rhythm_days = 4, .rhythm_basis = "own",
     .wins_last_365_days = 65, .won_value_last_365_days = 176751, .recent_closed = 66, .earlier_closed = 40,
     .open_deals = 10, .open_value = 47097.478453, .average_quarterly_won = 38336.284293,
     .components = {100, 82.738095, 92.857143, 46.212121, 100}, .health_score = 86.201299, .band = "Healthy",
     .parts = {90.47619, 97.619048, 88.095238}, .whitespace_value = 5341.493333, .potential_score = 90.930736},
    {.account = "Kinnamplus", .days_since_last_win = 32, .buying_rhythm_days = 5, .rhythm_basis = "own",
     .wins_last_365_days = 40, .won_value_last_365_days = 95060, .recent_closed = 41, .earlier_closed = 21,
     .open_deals = 11, .open_value = 23834.175672, .average_quarterly_won = 21485.560025,
     .components = {0, 35.714286, 35.714286, 57.897793, 100}, .health_score = 40.469358, .band = "Watch",
     .parts = {42.857143, 75, 38.095238}, .whitespace_value = 3338.433333, .potential_score = 49.462919},
    {.account = "Goodsilron", .days_since_last_win = 15, .buying_rhythm_days = 4, .rhythm_basis = "own",
     .wins_last_365_days = 65, .won_value_last_365_days = 182522, .recent_closed = 48, .earlier_closed = 40,
     .open_deals = 7, .open_value = 12587.20923, .average_quarterly_won = 40949.730037,
     .components = {0, 82.738095, 94.047619, 55.0, 30.738198}, .health_score = 46.327749, .band = "Watch",
     .parts = {0, 26.190476, 75}, .whitespace_value = 0, .potential_score = 30.813169},
};

TEST(AccountsGoldenTest, AccountHealthOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const Insights insights = RunInsights("");
  const json& metrics = insights.health["metrics"];
  EXPECT_EQ(insights.health["as_of"], "2017-12-31");
  EXPECT_EQ(metrics["accounts"], 85);
  EXPECT_EQ(metrics["peer_accounts"], 85);
  EXPECT_EQ(metrics["deals_without_account"], 1425);
  ExpectFigure(metrics["typical_buying_rhythm_days"], 5, "typical_buying_rhythm_days");
  ExpectFigure(metrics["overdue_factor"], 3.25, "overdue_factor");
  EXPECT_EQ(metrics["overdue_factor_gaps"], 3775);
  ExpectFigure(metrics["median_health_score"], 63.35243, "median_health_score");
  ExpectBands(insights.health, 26, 56, 3);
  ExpectAccounts(insights, kDefaultAccounts);
}

TEST(AccountsGoldenTest, AtRiskAccountsOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json at_risk = InsightJson("at_risk_accounts", "");
  const json& metrics = at_risk["metrics"];
  EXPECT_EQ(metrics["accounts_assessed"], 85);
  EXPECT_EQ(metrics["accounts_without_verdict"], 0);
  EXPECT_EQ(metrics["accounts_at_risk"], 19);
  // Peer win rate 4,238 / 6,711 = 0.6315: (1 − p)^3 = 0.05004 is just above 5%, so 4.
  EXPECT_EQ(metrics["loss_run_threshold"], 4);
  ExpectFigure(metrics["overdue_factor"], 3.25, "overdue_factor");
  ExpectFigure(metrics["peer_win_rate"], 0.631501, "peer_win_rate");
  ExpectFigure(metrics["peer_recent_win_rate"], 0.611929, "peer_recent_win_rate");
  ExpectFigure(metrics["peer_earlier_win_rate"], 0.659329, "peer_earlier_win_rate");
  ExpectReasonCounts(at_risk, {2, 17, 0, 0});
  ExpectVerdicts(at_risk,
                 {{"Kinnamplus", 1, "no win for 32 days, 6.4x its usual gap of 5 days", 1},
                  {"Goodsilron", 1, "no win for 15 days, 3.8x its usual gap of 4 days", 0},
                  {"Iselectrics", 1, "win rate 57% in the last 180 days (12 of 21) vs 76% before (13 of 17)", 0}},
                 {"Ontomedia", "Hottechi", "Treequote"});
}

TEST(AccountsGoldenTest, AccountPrioritizationOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const json prioritization = InsightJson("account_prioritization", "");
  EXPECT_EQ(prioritization["metrics"]["accounts"], 85);
  EXPECT_EQ(prioritization["metrics"]["accounts_with_whitespace"], 56);
  ExpectFigure(prioritization["metrics"]["whitespace_value"], 283807.299192, "whitespace_value");
  ExpectWhitespace(prioritization, {"Ontomedia", "Iselectrics", "Hottechi", "Treequote", "Kinnamplus"},
                   {{"Ontomedia", "GTK 500", 0.666667, 2, 3, 26707.466667},
                    {"Treequote", "GTK 500", 0.2, 1, 5, 26707.466667},
                    {"Kinnamplus", "GTK 500", 0.125, 2, 16, 26707.466667}});
}

TEST(AccountsGoldenTest, RegionalOfficeWestOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const Insights insights = RunInsights("--regional-office West");
  const json& metrics = insights.health["metrics"];
  EXPECT_EQ(metrics["peer_accounts"], 79);
  EXPECT_EQ(metrics["deals_without_account"], 518);
  ExpectFigure(metrics["typical_buying_rhythm_days"], 5, "typical_buying_rhythm_days");
  ExpectFigure(metrics["overdue_factor"], 3.2, "overdue_factor");
  EXPECT_EQ(metrics["overdue_factor_gaps"], 1287);
  ExpectFigure(metrics["median_health_score"], 21.428571, "median_health_score");
  ExpectBands(insights.health, 11, 19, 49);
  // Two dried-up pipelines (one with a half-day rhythm), an overdue account, a falling win rate, and
  // Zotware: one open West deal and no closed one, so no verdict, the typical rhythm, and 15 / 70 x 100
  // for its only non-zero component (pipeline coverage 100 without won value).
  ExpectAccounts(
      insights,
      {{.account = "Doncon", .days_since_last_win = 0, .buying_rhythm_days = 7, .rhythm_basis = "own",
        .wins_last_365_days = 33, .won_value_last_365_days = 82118, .recent_closed = 36, .earlier_closed = 20,
        .open_deals = 0, .open_value = 0, .average_quarterly_won = 18745.999687,
        .components = {100, 64.74359, 67.948718, 62.222222, 0}, .health_score = 63.808446, .band = "Watch",
        .parts = {0, 0, 32.692308}, .whitespace_value = 0, .potential_score = 19.300151},
       {.account = "Sunnamplex", .days_since_last_win = 1, .buying_rhythm_days = 4.5, .rhythm_basis = "own",
        .wins_last_365_days = 45, .won_value_last_365_days = 106754, .recent_closed = 40, .earlier_closed = 28,
        .open_deals = 0, .open_value = 0, .average_quarterly_won = 23044.85727,
        .components = {100, 79.487179, 80.769231, 32.142857, 0}, .health_score = 63.364577, .band = "Watch",
        .parts = {42.948718, 0, 39.74359}, .whitespace_value = 4451.244444, .potential_score = 35.653685},
       {.account = "Goodsilron", .days_since_last_win = 15, .buying_rhythm_days = 4, .rhythm_basis = "own",
        .wins_last_365_days = 65, .won_value_last_365_days = 182522, .recent_closed = 48, .earlier_closed = 40,
        .open_deals = 1, .open_value = 545.642623, .average_quarterly_won = 40949.730037,
        .components = {0, 97.435897, 98.717949, 55.0, 1.332469}, .health_score = 44.556409, .band = "Watch",
        .parts = {0, 10.25641, 74.358974}, .whitespace_value = 0, .potential_score = 26.347179},
       {.account = "Xx-holding", .days_since_last_win = 13, .buying_rhythm_days = 5, .rhythm_basis = "own",
        .wins_last_365_days = 48, .won_value_last_365_days = 169357, .recent_closed = 41, .earlier_closed = 38,
        .open_deals = 3, .open_value = 3989.806509, .average_quarterly_won = 37263.641114,
        .components = {27.272727, 85.25641, 96.153846, 10.333761, 10.706969}, .health_score = 43.748035,
        .band = "Watch", .parts = {0, 41.666667, 97.435897}, .whitespace_value = 0, .potential_score = 38.653453},
       {.account = "Zotware", .days_since_last_win = kNone, .buying_rhythm_days = 5, .rhythm_basis = "typical",
        .wins_last_365_days = 0, .won_value_last_365_days = 0, .recent_closed = 0, .earlier_closed = 0,
        .open_deals = 1, .open_value = 55.192938, .average_quarterly_won = 0,
        .components = {0, 0, 0, kNone, 100}, .health_score = 21.428571, .band = "At risk",
        .parts = {86.538462, 3.846154, 89.74359}, .whitespace_value = 12138.916753, .potential_score = 53.484432}});

  const json& risk = insights.at_risk["metrics"];
  EXPECT_EQ(risk["accounts_assessed"], 31);
  EXPECT_EQ(risk["accounts_without_verdict"], 48);
  EXPECT_EQ(risk["accounts_at_risk"], 10);
  EXPECT_EQ(risk["loss_run_threshold"], 3);  // p = 0.639395: 0.3606^3 = 0.047
  ExpectFigure(risk["peer_win_rate"], 0.639395, "peer_win_rate");
  ExpectFigure(risk["peer_recent_win_rate"], 0.622137, "peer_recent_win_rate");
  ExpectFigure(risk["peer_earlier_win_rate"], 0.663472, "peer_earlier_win_rate");
  ExpectReasonCounts(insights.at_risk, {1, 6, 3, 0});
  ExpectVerdicts(insights.at_risk,
                 {{"Doncon", 1, "no open deal after 33 won", 0},
                  {"Sunnamplex", 1, "no open deal after 45 won", 1},
                  {"Goodsilron", 1, "no win for 15 days, 3.8x its usual gap of 4 days", 0},
                  {"Xx-holding", 1, "win rate 51% in the last 180 days (21 of 41) vs 71% before (27 of 38)", 0}},
                 {"Zotware"});

  EXPECT_EQ(insights.prioritization["metrics"]["accounts_with_whitespace"], 60);
  ExpectFigure(insights.prioritization["metrics"]["whitespace_value"], 588400.360269, "whitespace_value");
  ExpectWhitespace(insights.prioritization, {"Doncon", "Sunnamplex", "Zotware"},
                   {{"Sunnamplex", "GTK 500", 0.166667, 1, 6, 26707.466667},
                    {"Zotware", "GTK 500", 0.166667, 1, 6, 26707.466667},
                    {"Zotware", "GTX Basic", 0.5, 3, 6, 545.642623},
                    {"Zotware", "GTX Plus Basic", 0.5, 3, 6, 1080.053599},
                    {"Zotware", "GTX Plus Pro", 0.5, 3, 6, 5489.876827},
                    {"Zotware", "GTX Pro", 0.5, 3, 6, 4815.607682},
                    {"Zotware", "MG Advanced", 0.5, 3, 6, 3388.970948},
                    {"Zotware", "MG Special", 0.5, 3, 6, 55.192938}});
}

TEST(AccountsGoldenTest, SectorFilterShowsAccountsWithoutChangingScores) {
  CRM_REQUIRE_SHARED_DATA();
  const Insights insights = RunInsights("--sector retail");
  const json& metrics = insights.health["metrics"];
  EXPECT_EQ(metrics["accounts"], 17);
  EXPECT_EQ(metrics["peer_accounts"], 85);
  EXPECT_EQ(metrics["deals_without_account"], 0);
  ExpectFigure(metrics["overdue_factor"], 3.25, "overdue_factor");
  ExpectFigure(metrics["median_health_score"], 63.35243, "median_health_score");  // J-Texon, median of both
  ExpectBands(insights.health, 6, 10, 1);
  for (const auto& [account, row] : Rows(insights.health, "account_health")) EXPECT_EQ(row["sector"], "retail");
  // The same figures as without a filter.
  ExpectAccounts(insights, {kDefaultAccounts[4]});
  ExpectAccounts(
      insights,
      {{.account = "Fasehatice", .days_since_last_win = 12, .buying_rhythm_days = 4, .rhythm_basis = "own",
        .wins_last_365_days = 49, .won_value_last_365_days = 127009, .recent_closed = 43, .earlier_closed = 38,
        .open_deals = 4, .open_value = 5025.898817, .average_quarterly_won = 27613.117411,
        .components = {11.111111, 55.952381, 65.47619, 30.04896, 18.201128}, .health_score = 33.211267,
        .band = "At risk", .parts = {42.857143, 9.52381, 85.714286}, .whitespace_value = 3338.433333,
        .potential_score = 41.166063}});
  EXPECT_EQ(insights.at_risk["metrics"]["accounts_assessed"], 17);
  EXPECT_EQ(insights.at_risk["metrics"]["accounts_at_risk"], 4);
  EXPECT_EQ(insights.at_risk["metrics"]["loss_run_threshold"], 4);
  ExpectReasonCounts(insights.at_risk, {1, 3, 0, 0});
  EXPECT_EQ(insights.prioritization["metrics"]["accounts"], 17);
  EXPECT_EQ(insights.prioritization["metrics"]["accounts_with_whitespace"], 15);
  ExpectFigure(insights.prioritization["metrics"]["whitespace_value"], 50076.5, "whitespace_value");
}

TEST(AccountsGoldenTest, AsOfMidYearOnKaggle) {
  CRM_REQUIRE_SHARED_DATA();
  const Insights insights = RunInsights("--as-of 2017-06-30");
  const json& metrics = insights.health["metrics"];
  EXPECT_EQ(insights.health["as_of"], "2017-06-30");
  EXPECT_EQ(metrics["peer_accounts"], 85);
  EXPECT_EQ(metrics["deals_without_account"], 821);
  ExpectFigure(metrics["typical_buying_rhythm_days"], 4, "typical_buying_rhythm_days");
  ExpectFigure(metrics["overdue_factor"], 3.25, "overdue_factor");
  EXPECT_EQ(metrics["overdue_factor_gaps"], 1536);
  ExpectFigure(metrics["median_health_score"], 72.420635, "median_health_score");
  ExpectBands(insights.health, 50, 32, 3);
  // The first close is 2017-03-01, within 180 days: no account has an earlier win rate, so win_trend is
  // absent and the other weights are divided by 0.70.
  ExpectAccounts(
      insights,
      {{.account = "Rantouch", .days_since_last_win = 11, .buying_rhythm_days = 9, .rhythm_basis = "own",
        .wins_last_365_days = 15, .won_value_last_365_days = 17022, .recent_closed = 24, .earlier_closed = 0,
        .open_deals = 13, .open_value = 52034.523851, .average_quarterly_won = 6586.107521,
        .components = {90.123457, 26.785714, 1.190476, kNone, 100}, .health_score = 59.610418, .band = "Watch",
        .parts = {92.857143, 77.380952, 50.595238}, .whitespace_value = 8895.628416, .potential_score = 73.886369},
       {.account = "Nam-zim", .days_since_last_win = 23, .buying_rhythm_days = 6.5, .rhythm_basis = "own",
        .wins_last_365_days = 14, .won_value_last_365_days = 29508, .recent_closed = 22, .earlier_closed = 0,
        .open_deals = 15, .open_value = 28748.214892, .average_quarterly_won = 12137.158784,
        .components = {0, 21.428571, 19.047619, kNone, 100}, .health_score = 30.102041, .band = "At risk",
        .parts = {0, 30.952381, 23.214286}, .whitespace_value = 0, .potential_score = 18.401361},
       {.account = "Donquadtech", .days_since_last_win = 18, .buying_rhythm_days = 2.5, .rhythm_basis = "own",
        .wins_last_365_days = 26, .won_value_last_365_days = 72153, .recent_closed = 35, .earlier_closed = 0,
        .open_deals = 20, .open_value = 53703.620174, .average_quarterly_won = 30222.343177,
        .components = {0, 78.571429, 83.333333, kNone, 100}, .health_score = 56.122449, .band = "Watch",
        .parts = {0, 79.761905, 58.333333}, .whitespace_value = 0, .potential_score = 42.831633},
       {.account = "Gekko & Co", .days_since_last_win = 4, .buying_rhythm_days = 5, .rhythm_basis = "own",
        .wins_last_365_days = 22, .won_value_last_365_days = 55759, .recent_closed = 30, .earlier_closed = 0,
        .open_deals = 14, .open_value = 42207.874103, .average_quarterly_won = 23903.726232,
        .components = {100, 59.52381, 69.047619, kNone, 100}, .health_score = 84.693878, .band = "Healthy",
        .parts = {49.404762, 66.666667, 65.47619}, .whitespace_value = 3322.40625, .potential_score = 63.992347}});

  const json& risk = insights.at_risk["metrics"];
  EXPECT_EQ(risk["accounts_assessed"], 85);
  EXPECT_EQ(risk["accounts_at_risk"], 6);
  EXPECT_EQ(risk["loss_run_threshold"], 3);  // p = 0.666293: 0.3337^3 = 0.037
  ExpectFigure(risk["peer_win_rate"], 0.666293, "peer_win_rate");
  EXPECT_TRUE(risk["peer_earlier_win_rate"].is_null());
  ExpectReasonCounts(insights.at_risk, {5, 0, 0, 1});
  ExpectVerdicts(insights.at_risk,
                 {{"Rantouch", 1, "last 3 closed deals lost", 3},
                  {"Nam-zim", 1, "no win for 23 days, 3.5x its usual gap of 6.5 days", 0},
                  {"Donquadtech", 1, "no win for 18 days, 7.2x its usual gap of 2.5 days", 1}},
                 {"Gekko & Co"});

  // Estimated values learned from the deals won by mid-2017 (GTK 500: 26,579.25, not 26,707.47).
  EXPECT_EQ(insights.prioritization["metrics"]["accounts_with_whitespace"], 53);
  ExpectFigure(insights.prioritization["metrics"]["whitespace_value"], 286108.044769, "whitespace_value");
  ExpectWhitespace(insights.prioritization, {"Rantouch", "Nam-zim", "Gekko & Co"},
                   {{"Rantouch", "GTX Plus Pro", 1, 5, 5, 5484.533679},
                    {"Rantouch", "MG Advanced", 1, 5, 5, 3411.094737},
                    {"Gekko & Co", "GTK 500", 0.125, 2, 16, 26579.25}});
}

}  // namespace
}  // namespace crm
