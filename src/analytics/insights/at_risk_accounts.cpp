// at_risk_accounts: accounts whose health is falling, each with its reasons and the evidence.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "account_parts.h"
#include "crm/analytics/statistics.h"
#include "insight_parts.h"
#include "insights.h"

namespace crm::analytics {

namespace {

constexpr size_t kDefaultRows = 25;
constexpr int64_t kMinClosedForVerdict = 5;
constexpr double kLossRunChance = 0.05;
constexpr int64_t kLeastLossRun = 2;

enum class Reason { kOverdue, kWinRateDrop, kPipelineDried, kLossRun };
constexpr int kReasonCount = 4;
constexpr std::array<const char*, kReasonCount> kReasonNames = {"overdue_win", "win_rate_drop",
                                                                "pipeline_dried_up", "loss_run"};

// The thresholds the reasons are judged by, and which reasons the filters leave meaningful.
struct Thresholds {
  double overdue_factor = 0;
  int64_t loss_run = 0;  // 0: not judged (no win rate to learn it from, or a stage filter)
  bool pipeline_judged = true;
  bool win_rate_judged = true;
};

// An account with at least one reason.
struct Verdict {
  const AccountHealthScore* health = nullptr;
  int reasons = 0;
  std::string evidence;
};

// The shortest run of losses whose chance is at most kLossRunChance at the peers' win rate p:
// the least N >= 2 with (1 − p)^N <= 0.05.
int64_t LossRunThreshold(double win_rate) {
  if (!HasValue(win_rate) || win_rate <= 0) return 0;
  const double run = std::ceil(std::log(kLossRunChance) / std::log(1 - win_rate) - 1e-9);
  return std::max(kLeastLossRun, static_cast<int64_t>(run));
}

std::string Format(const char* pattern, double a, double b = 0, double c = 0) {
  char text[160];
  std::snprintf(text, sizeof text, pattern, a, b, c);
  return text;
}

bool Overdue(const AccountHealthScore& health, const Thresholds& thresholds) {
  return health.own_rhythm &&
         health.days_since_last_win > thresholds.overdue_factor * health.buying_rhythm_days;
}

bool WinRateDropped(const AccountHealthScore& health, const Thresholds& thresholds) {
  if (!thresholds.win_rate_judged) return false;
  if (health.recent_closed < kHealthMinTrendDeals || health.earlier_closed < kHealthMinTrendDeals)
    return false;
  return WilsonInterval(health.recent_won, health.recent_closed).high < health.earlier_win_rate;
}

std::string Evidence(Reason reason, const AccountHealthScore& health) {
  switch (reason) {
    case Reason::kOverdue:
      return Format("no win for %.0f days, %.1fx its usual gap of %g days", health.days_since_last_win,
                    health.days_since_last_win / health.buying_rhythm_days, health.buying_rhythm_days);
    case Reason::kWinRateDrop:
      return "win rate " + PercentText(health.recent_win_rate) +
             Format(" in the last %.0f days (%.0f of %.0f)", kHealthRecentDays,
                    static_cast<double>(health.recent_won), static_cast<double>(health.recent_closed)) +
             " vs " + PercentText(health.earlier_win_rate) +
             Format(" before (%.0f of %.0f)", static_cast<double>(health.earlier_won),
                    static_cast<double>(health.earlier_closed));
    case Reason::kPipelineDried:
      return Format("no open deal after %.0f won", static_cast<double>(health.won));
    case Reason::kLossRun:
      return Format("last %.0f closed deals lost", static_cast<double>(health.loss_run));
  }
  return "";
}

std::array<bool, kReasonCount> Reasons(const AccountHealthScore& health, const Thresholds& thresholds) {
  return {Overdue(health, thresholds), WinRateDropped(health, thresholds),
          thresholds.pipeline_judged && health.open == 0 && health.won > 0,
          thresholds.loss_run > 0 && health.loss_run >= thresholds.loss_run};
}

// The accounts with reasons, most severe first: more reasons, then lower health, then name.
std::vector<Verdict> Judge(const QueryContext& query, const std::vector<const AccountHealthScore*>& assessed,
                           const Thresholds& thresholds, std::array<int64_t, kReasonCount>& counts) {
  std::vector<Verdict> verdicts;
  for (const AccountHealthScore* health : assessed) {
    const std::array<bool, kReasonCount> reasons = Reasons(*health, thresholds);
    Verdict verdict{health, 0, ""};
    for (int r = 0; r < kReasonCount; ++r) {
      if (!reasons[static_cast<size_t>(r)]) continue;
      ++verdict.reasons;
      ++counts[static_cast<size_t>(r)];
      verdict.evidence += (verdict.evidence.empty() ? "" : "; ") + Evidence(static_cast<Reason>(r), *health);
    }
    if (verdict.reasons > 0) verdicts.push_back(std::move(verdict));
  }
  std::sort(verdicts.begin(), verdicts.end(), [&query](const Verdict& a, const Verdict& b) {
    if (a.reasons != b.reasons) return a.reasons > b.reasons;
    if (a.health->score != b.health->score) return a.health->score < b.health->score;
    return query.data.accounts[a.health->account].name < query.data.accounts[b.health->account].name;
  });
  return verdicts;
}

Table VerdictTable(const QueryContext& query, const std::vector<Verdict>& verdicts, size_t rows) {
  Table table{
      "at_risk_accounts",
      {"account", "parent", "sector", "reasons", "evidence", "health_score", "band", "days_since_last_win",
       "buying_rhythm_days", "recent_win_rate", "earlier_win_rate", "open_deals", "loss_run"},
      {}};
  for (size_t i = 0; i < std::min(rows, verdicts.size()); ++i) {
    const AccountHealthScore& health = *verdicts[i].health;
    table.rows.push_back({query.data.accounts[health.account].name, ParentCell(query.data, health.account),
                          SectorCell(query.data, health.account), static_cast<int64_t>(verdicts[i].reasons),
                          verdicts[i].evidence, Number(health.score),
                          std::string(HealthBandName(health.band)), Number(health.days_since_last_win),
                          Number(health.buying_rhythm_days), Number(health.recent_win_rate),
                          Number(health.earlier_win_rate), health.open, health.loss_run});
  }
  return table;
}

Table ReasonTable(const std::array<int64_t, kReasonCount>& counts, const Thresholds& thresholds) {
  const std::string stage_filtered = "not judged under a stage filter";
  const std::array<std::string, kReasonCount> rules = {
      Format("days since last win > %.2f x own buying rhythm", thresholds.overdue_factor),
      thresholds.win_rate_judged
          ? Format("95%% Wilson interval of the last %.0f days' win rate wholly below the earlier rate",
                   kHealthRecentDays)
          : stage_filtered,
      thresholds.pipeline_judged ? "no open deal while the account has won before" : stage_filtered,
      thresholds.loss_run > 0
          ? Format("last %.0f or more closed deals lost", static_cast<double>(thresholds.loss_run))
      : thresholds.win_rate_judged ? "not judged: no win rate to learn the run from"
                                   : stage_filtered};
  Table table{"reasons", {"reason", "accounts", "rule"}, {}};
  for (int r = 0; r < kReasonCount; ++r) {
    table.rows.push_back({std::string(kReasonNames[static_cast<size_t>(r)]), counts[static_cast<size_t>(r)],
                          rules[static_cast<size_t>(r)]});
  }
  return table;
}

// The recent and earlier win rates over all peer accounts, to tell an account's decline from a general one.
void AddPeerTrend(const AccountHealthReport& report, Insight& insight) {
  int64_t recent_won = 0, recent_closed = 0, earlier_won = 0, earlier_closed = 0;
  for (const AccountHealthScore& health : report.accounts) {
    recent_won += health.recent_won;
    recent_closed += health.recent_closed;
    earlier_won += health.earlier_won;
    earlier_closed += health.earlier_closed;
  }
  insight.Metric("peer_recent_win_rate",
                 Number(Ratio(static_cast<double>(recent_won), static_cast<double>(recent_closed))));
  insight.Metric("peer_earlier_win_rate",
                 Number(Ratio(static_cast<double>(earlier_won), static_cast<double>(earlier_closed))));
}

void Define(Insight& insight) {
  insight.Define("overdue_win",
                 "the account has an own buying rhythm and its days since the last win exceed "
                 "overdue_factor x that rhythm");
  DefineBuyingRhythm(insight);
  insight.Define("win_rate_drop",
                 "at least 5 closed deals in the last 180 days and 5 before, and the 95% Wilson "
                 "interval of the recent win rate lies wholly below the earlier win rate");
  insight.Define("pipeline_dried_up", "no open deal at the as-of date while the account has won deals");
  insight.Define("peer_recent_win_rate",
                 "won / closed over the peer accounts' deals closed in the last 180 days "
                 "(peer_earlier_win_rate: before), for telling a general decline apart");
  insight.Define("loss_run",
                 "lost deals closed after the account's last win day (all its losses if it never "
                 "won), at least loss_run_threshold");
  insight.Define("loss_run_threshold",
                 "least N >= 2 with (1 − peer_win_rate)^N <= 0.05: a run of losses that "
                 "likely would not happen by chance at the usual win rate");
  insight.Define("accounts_without_verdict",
                 "selected accounts with fewer than 5 closed deals: too little "
                 "history to judge, so no verdict");
  insight.Define("severity", "rows are ranked by the number of reasons, then by health score (lowest first)");
}

}  // namespace

Insight AtRiskAccounts(const QueryContext& query) {
  Insight insight;
  const AccountHealthReport report = ScoreAccountHealth(query);
  const Thresholds thresholds{report.overdue_factor,
                              report.win_rates_counted ? LossRunThreshold(report.peer_win_rate) : 0,
                              report.open_deals_counted, report.win_rates_counted};
  std::vector<const AccountHealthScore*> assessed;
  int64_t without_verdict = 0;
  for (const AccountHealthScore* health : SelectedHealth(report)) {
    if (health->closed() >= kMinClosedForVerdict) {
      assessed.push_back(health);
    } else {
      ++without_verdict;
    }
  }
  std::array<int64_t, kReasonCount> counts{};
  const std::vector<Verdict> verdicts = Judge(query, assessed, thresholds, counts);
  insight.Metric("accounts_assessed", static_cast<int64_t>(assessed.size()));
  insight.Metric("accounts_at_risk", static_cast<int64_t>(verdicts.size()));
  insight.Metric("accounts_without_verdict", without_verdict);
  insight.Metric("min_closed_deals", kMinClosedForVerdict);
  insight.Metric("overdue_factor", thresholds.overdue_factor);
  insight.Metric("typical_buying_rhythm_days", Number(report.typical_rhythm_days));
  insight.Metric("peer_win_rate", Number(report.peer_win_rate));
  insight.Metric("loss_run_threshold", thresholds.loss_run > 0 ? Cell(thresholds.loss_run) : Cell(nullptr));
  insight.Metric("recent_window_days", static_cast<int64_t>(kHealthRecentDays));
  AddPeerTrend(report, insight);
  DescribeAccountScope(query, report, insight);
  insight.tables.push_back(VerdictTable(query, verdicts, TopN(query, kDefaultRows)));
  insight.tables.push_back(ReasonTable(counts, thresholds));
  insight.charts.push_back(ColumnChart(insight.tables[1], "accounts", "at_risk_reasons", "bar",
                                       "At-risk accounts by reason", "count"));
  insight.charts.push_back(ColumnChart(insight.tables[0], "health_score", "at_risk_health", "horizontal_bar",
                                       "Health score of at-risk accounts", "score"));
  Define(insight);
  if (without_verdict > 0) {
    insight.notes.push_back(std::to_string(without_verdict) + " selected accounts have fewer than " +
                            std::to_string(kMinClosedForVerdict) + " closed deals and get no verdict.");
  }
  insight.notes.push_back("The health score and band are those of account_health.");
  return insight;
}

}  // namespace crm::analytics
