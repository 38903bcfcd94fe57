#include "crm/agents/narrative.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "crm/agents/facts_text.h"
#include "crm/agents/narrative_text.h"
#include "crm/agents/prompts.h"
#include "crm/common/date.h"
#include "crm/data/dataset.h"

namespace crm::agents {

namespace {

using nlohmann::json;

constexpr size_t kFindings = 5;
//! Groups with fewer closed deals are left out of best / worst comparisons (too noisy to rank).
constexpr double kMinClosedForComparison = 10;

//! The metrics that matter most per insight type, most important first.
const std::map<std::string, std::vector<std::string>>& KeyMetrics() {
  static const std::map<std::string, std::vector<std::string>> kKeys = {
      {"pipeline_overview",
       {"open_pipeline_value", "weighted_pipeline_value", "win_rate", "average_won_deal",
        "sales_cycle_median_days"}},
      {"top_opportunities", {"top_deals", "top_expected_value", "top_share", "open_deals"}},
      {"at_risk_deals",
       {"at_risk_deals", "at_risk_share", "at_risk_expected_value", "deals_past_cycle",
        "deals_no_recent_activity"}},
      {"at_risk_accounts",
       {"accounts_at_risk", "accounts_assessed", "peer_recent_win_rate", "peer_earlier_win_rate"}},
      {"conversion_analysis",
       {"win_rate", "highest_win_rate_group", "highest_win_rate", "lowest_win_rate_group", "lowest_win_rate",
        "closed_deals"}},
      {"industry_trends",
       {"won_revenue", "total_growth_rate", "top_grower", "top_grower_growth_rate", "top_decliner",
        "top_decliner_growth_rate"}},
      {"account_prioritization", {"accounts", "accounts_with_whitespace", "whitespace_value"}},
      {"forecast",
       {"next_quarter_p50", "next_quarter", "next_quarter_p10", "next_quarter_p90",
        "next_quarter_from_open_deals", "next_quarter_new_business", "stalled_deals",
        "projected_next_quarter"}},
      {"agent_performance", {"top_agent", "top_agent_won_revenue", "won_revenue", "win_rate", "agents"}},
      {"account_health",
       {"median_health_score", "healthy_accounts", "watch_accounts", "at_risk_accounts", "accounts"}},
  };
  return kKeys;
}

//! How a metric's value reads: usd, percent, days, count, score or text.
std::string MetricUnit(const std::string& name, const analytics::Cell& value) {
  if (std::holds_alternative<std::string>(value)) return "text";
  if (name.find("rate") != std::string::npos || name.find("share") != std::string::npos) return "percent";
  if (name.find("days") != std::string::npos) return "days";
  if (name.find("score") != std::string::npos) return "score";
  if (std::holds_alternative<int64_t>(value) || name.find("deals") != std::string::npos ||
      name.find("accounts") != std::string::npos || name == "agents") {
    return "count";
  }
  return "usd";
}

json Findings(const analytics::Insight& insight) {
  json findings = json::array();
  const auto keys = KeyMetrics().find(insight.type);
  std::vector<std::string> names;
  if (keys != KeyMetrics().end()) names = keys->second;
  for (const auto& [name, value] : insight.metrics) {
    if (names.size() >= kFindings) break;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    const analytics::Cell* value = insight.FindMetric(name);
    if (!value || CellJson(*value).is_null()) continue;
    findings.push_back({{"metric", name}, {"value", CellJson(*value)}, {"unit", MetricUnit(name, *value)}});
  }
  return findings;
}

//! The overall win rate the groups are compared with, from the insight's own metrics.
double OverallRate(const analytics::Insight& insight) {
  for (const char* name : {"overall_win_rate", "win_rate", "peer_win_rate"}) {
    if (const analytics::Cell* cell = insight.FindMetric(name)) {
      if (HasValue(analytics::CellNumber(*cell))) return analytics::CellNumber(*cell);
    }
  }
  return kNoNumber;
}

bool IsPeriod(const std::string& column) { return column == "quarter" || column == "month"; }

//! The best and the worst group's win rate against the overall rate, from the first grouped table with
//! a win_rate column.
json GroupComparison(const analytics::Insight& insight) {
  const double overall = OverallRate(insight);
  if (!HasValue(overall)) return nullptr;
  for (const analytics::Table& table : insight.tables) {
    if (table.columns.empty() || IsPeriod(table.columns.front())) continue;
    if (std::find(table.columns.begin(), table.columns.end(), "win_rate") == table.columns.end()) continue;
    const bool has_closed =
        std::find(table.columns.begin(), table.columns.end(), "closed") != table.columns.end();
    json best, worst;
    for (const auto& row : table.rows) {
      const json line = RowJson(table, row);
      const double rate = Number(line, "win_rate");
      if (!HasValue(rate) || !line[table.columns.front()].is_string()) continue;
      if (has_closed && Number(line, "closed") < kMinClosedForComparison) continue;
      const json group = {
          {"group", line[table.columns.front()]}, {"win_rate", rate}, {"difference", rate - overall}};
      if (best.is_null() || rate > Number(best, "win_rate")) best = group;
      if (worst.is_null() || rate < Number(worst, "win_rate")) worst = group;
    }
    if (best.is_null() || Text(best, "group") == Text(worst, "group")) continue;
    return {{"table", table.name},
            {"dimension", table.columns.front()},
            {"overall_win_rate", overall},
            {"best", best},
            {"worst", worst}};
  }
  return nullptr;
}

//! The latest period against the one before, from the first table with one row per quarter or month and a
//! value column.
json PeriodComparison(const analytics::Insight& insight) {
  for (const analytics::Table& table : insight.tables) {
    if (table.columns.empty() || !IsPeriod(table.columns.front()) || table.rows.size() < 2) continue;
    std::set<std::string> periods;  // one row per period only (not periods x sectors)
    for (const auto& row : table.rows) periods.insert(CellJson(row.front()).dump());
    if (periods.size() != table.rows.size()) continue;
    for (const char* column : {"won_value", "won_revenue", "win_rate"}) {
      if (std::find(table.columns.begin(), table.columns.end(), column) == table.columns.end()) continue;
      const json last = RowJson(table, table.rows.back());
      const json previous = RowJson(table, table.rows[table.rows.size() - 2]);
      const double now = Number(last, column), before = Number(previous, column);
      if (!HasValue(now) || !HasValue(before)) continue;
      json comparison = {{"table", table.name},
                         {"measure", column},
                         {"period", last[table.columns.front()]},
                         {"value", now},
                         {"previous_period", previous[table.columns.front()]},
                         {"previous_value", before}};
      if (std::string(column) != "win_rate" && before > 0) comparison["change"] = now / before - 1;
      if (std::string(column) == "win_rate") comparison["change_points"] = now - before;
      return comparison;
    }
  }
  return nullptr;
}

json Recommendations(const analytics::Insight& insight, const json& groups, const json& periods) {
  json recommendations = json::array();
  if (groups.is_object()) {
    recommendations.push_back({{"kind", "learn_from_best"},
                               {"group", groups["best"]["group"]},
                               {"dimension", groups["dimension"]}});
    recommendations.push_back(
        {{"kind", "fix_worst"}, {"group", groups["worst"]["group"]}, {"dimension", groups["dimension"]}});
  }
  if (periods.is_object()) {
    const bool fell = Number(periods, "value") < Number(periods, "previous_value");
    recommendations.push_back({{"kind", fell ? "explain_decline" : "sustain_growth"},
                               {"period", periods["period"]},
                               {"previous_period", periods["previous_period"]}});
  }
  recommendations.push_back({{"kind", "type_action"}, {"type", insight.type}});
  if (recommendations.size() < 2)
    recommendations.push_back({{"kind", "type_follow_up"}, {"type", insight.type}});
  if (recommendations.size() > 3) recommendations.erase(recommendations.begin() + 3, recommendations.end());
  return recommendations;
}

}  // namespace

nlohmann::json NarrativeFacts(const analytics::Insight& insight) {
  json filters = json::object();
  for (const auto& [name, value] : insight.filters) filters[name] = value;
  const json groups = GroupComparison(insight);
  const json periods = PeriodComparison(insight);
  return {{"type", insight.type},
          {"as_of", insight.as_of == kNoDay ? json(nullptr) : json(FormatIsoDate(insight.as_of))},
          {"filters", filters},
          {"findings", Findings(insight)},
          {"group_comparison", groups},
          {"period_comparison", periods},
          {"recommendations", Recommendations(insight, groups, periods)}};
}

Narrative NarrateInsight(const analytics::Insight& insight, const llm::TextWriter& writer) {
  Narrative narrative;
  narrative.facts = NarrativeFacts(insight);
  narrative.task = {"narrative", SystemPrompt(kNarrativePrompt), narrative.facts,
                    "The story of the " + insight.type +
                        " insight for a sales leader: findings, comparisons, "
                        "recommendations.",
                    WriteNarrative(narrative.facts)};
  narrative.text = writer.Write(narrative.task);
  return narrative;
}

}  // namespace crm::agents
