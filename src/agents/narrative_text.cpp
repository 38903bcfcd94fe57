#include "crm/agents/narrative_text.h"

#include <cmath>

#include "crm/agents/facts_text.h"
#include "crm/agents/phrasing.h"
#include "crm/analytics/fact_text.h"

namespace crm::agents {

namespace {

using nlohmann::json;

//! "open pipeline value" for "open_pipeline_value".
std::string Words(std::string name) {
  for (char& c : name) c = c == '_' ? ' ' : c;
  return name;
}

//! "Open pipeline value" for "open_pipeline_value".
std::string Label(const std::string& name) {
  std::string label = Words(name);
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return label;
}

std::string ValueText(const json& finding) {
  const std::string unit = Text(finding, "unit");
  if (unit == "text") return Text(finding, "value");
  if (unit == "percent") return Percent(finding, "value");
  if (unit == "days") return analytics::DaysText(Number(finding, "value"));
  if (unit == "usd") return Usd(finding, "value");
  return Whole(finding, "value");
}

//! "5 percentage points above" / "below" for a difference of rates.
std::string Points(const json& facts, std::string_view key) {
  const double difference = Number(facts, key);
  return analytics::GroupedText(std::fabs(difference) * 100) + " percentage points " +
         (difference >= 0 ? "above" : "below");
}

std::string GroupText(const json& groups, const Phrasing& say) {
  const json& best = groups["best"];
  const json& worst = groups["worst"];
  return say.Say(
      "groups",
      {"By {dimension}, {best} converts best at {best_rate} ({best_points} the overall {overall}), while "
       "{worst} trails at {worst_rate} ({worst_points}).",
       "Against the overall win rate of {overall}, {best} stands out at {best_rate} ({best_points}) and "
       "{worst} lags at {worst_rate} ({worst_points})."},
      {{"dimension", Words(Text(groups, "dimension"))},
       {"best", Text(best, "group")},
       {"best_rate", Percent(best, "win_rate")},
       {"best_points", Points(best, "difference")},
       {"worst", Text(worst, "group")},
       {"worst_rate", Percent(worst, "win_rate")},
       {"worst_points", Points(worst, "difference")},
       {"overall", Percent(groups, "overall_win_rate")}});
}

std::string PeriodText(const json& periods) {
  const bool rate = Text(periods, "measure") == "win_rate";
  const auto value = [&](std::string_view key) { return rate ? Percent(periods, key) : Usd(periods, key); };
  std::string text = Label(Text(periods, "measure")) + " in " + Text(periods, "period") + ": " +
                     value("value") + ", against " + value("previous_value") + " in " +
                     Text(periods, "previous_period");
  if (Has(periods, "change")) {
    const double change = Number(periods, "change");
    text +=
        " (" + std::string(change >= 0 ? "up " : "down ") + analytics::PercentText(std::fabs(change)) + ")";
  } else if (Has(periods, "change_points")) {
    text += " (" + Points(periods, "change_points") + ")";
  }
  return text + ".";
}

std::string TypeAction(const std::string& type, bool follow_up) {
  if (type == "pipeline_overview")
    return follow_up ? "Check that every Engaging deal has a dated next step."
                     : "Focus the team on the deals that carry the weighted pipeline.";
  if (type == "top_opportunities")
    return follow_up ? "Review the top deals weekly with their agents."
                     : "Give the top deals a named next step and a close plan this week.";
  if (type == "at_risk_deals")
    return follow_up ? "Close out deals that cannot be saved to keep the forecast honest."
                     : "Call the owners of the at-risk deals and agree a rescue step for each.";
  if (type == "at_risk_accounts")
    return follow_up ? "Track these accounts' health each month."
                     : "Schedule account reviews with the flagged accounts, worst health first.";
  if (type == "conversion_analysis")
    return follow_up ? "Re-run this analysis next quarter to see whether the gap narrows."
                     : "Share what wins in the strongest groups across the team.";
  if (type == "industry_trends")
    return follow_up ? "Revisit the sector mix of the pipeline every quarter."
                     : "Shift prospecting towards the growing sectors.";
  if (type == "account_prioritization")
    return follow_up ? "Give each top account an owner and a whitespace proposal."
                     : "Work the accounts from the top of the ranking down.";
  if (type == "forecast")
    return follow_up ? "Compare the forecast with actual bookings at month end."
                     : "Plan against the cautious end of the forecast range.";
  if (type == "agent_performance")
    return follow_up ? "Pair agents with lower win rates with the leaders."
                     : "Share the leaders' habits in the next team meeting.";
  if (type == "account_health")
    return follow_up ? "Watch the accounts in the Watch band before they slip."
                     : "Start with the accounts in the At risk band.";
  return follow_up ? "Review these figures again next month." : "Act on the largest gap first.";
}

std::string Recommendation(const json& recommendation) {
  const std::string kind = Text(recommendation, "kind");
  if (kind == "learn_from_best") {
    return "Study what works for " + Text(recommendation, "group") + " and share it with the other " +
           Words(Text(recommendation, "dimension")) + " groups.";
  }
  if (kind == "fix_worst")
    return "Review recent losses for " + Text(recommendation, "group") + " to find what to fix.";
  if (kind == "explain_decline") {
    return "Find out what changed between " + Text(recommendation, "previous_period") + " and " +
           Text(recommendation, "period") + " before it sets the trend.";
  }
  if (kind == "sustain_growth") return "Keep doing what lifted " + Text(recommendation, "period") + ".";
  return TypeAction(Text(recommendation, "type"), kind == "type_follow_up");
}

}  // namespace

std::string WriteNarrative(const nlohmann::json& facts) {
  const Phrasing say(Text(facts, "type") + "|" + facts["filters"].dump());
  std::string text = "**Key findings**\n\n";
  for (const json& finding : facts["findings"]) {
    text += "- " + Label(Text(finding, "metric")) + ": " + ValueText(finding) + "\n";
  }
  if (facts["group_comparison"].is_object() || facts["period_comparison"].is_object()) {
    text += "\n**Against the baseline**\n\n";
    if (facts["group_comparison"].is_object())
      text += "- " + GroupText(facts["group_comparison"], say) + "\n";
    if (facts["period_comparison"].is_object()) text += "- " + PeriodText(facts["period_comparison"]) + "\n";
  }
  text +=
      "\n**" + std::string(say.Pick("recommendations", {"Recommendations", "What to do next"})) + "**\n\n";
  for (const json& recommendation : facts["recommendations"])
    text += "- " + Recommendation(recommendation) + "\n";
  return text;
}

}  // namespace crm::agents
