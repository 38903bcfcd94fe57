#include "crm/agents/account_plan.h"

#include "crm/agents/facts_text.h"

namespace crm::agents {

namespace {

using nlohmann::json;

constexpr double kRiskModelThreshold = 0.5;

bool Flagged(const json& facts) {
  for (const json& risk : facts["risks"]) {
    if (Text(risk, "kind") == "at_risk_signal") return true;
  }
  return false;
}

json Action(std::string kind, const json& owner, std::string time_frame, json subject) {
  return {{"kind", std::move(kind)},
          {"owner", owner},
          {"time_frame", std::move(time_frame)},
          {"subject", std::move(subject)}};
}

}  // namespace

nlohmann::json Priority(const nlohmann::json& facts) {
  const json& health = facts["health"];
  const std::string band = health.is_object() ? Text(health, "band") : "";
  json reasons = json::array();
  if (band == "At risk" || band == "Watch") reasons.push_back("health band " + band);
  if (Flagged(facts)) reasons.push_back("flagged by the at-risk accounts insight");
  if (health.is_object() && Number(health, "risk_probability_90_days") >= kRiskModelThreshold)
    reasons.push_back("high risk from the account risk model");
  const bool danger = !reasons.empty();
  const bool stake = Number(facts["metrics"], "open_deals") > 0;
  if (stake) reasons.push_back("open pipeline at stake");
  const std::string level = danger && stake ? "High" : danger || stake ? "Medium" : "Low";
  return {{"level", level}, {"reasons", reasons}};
}

nlohmann::json NextBestActions(const nlohmann::json& facts) {
  const json& owner = facts["account_owner"];
  const json& open = facts["open_opportunities"];
  const json& metrics = facts["metrics"];
  json candidates = json::array();
  auto deal_action = [&](const json& deal) {
    const json agent = Has(deal, "sales_agent") ? deal["sales_agent"] : owner;
    return Action("advance_deal", agent, Text(deal, "stage") == "Engaging" ? "this week" : "within two weeks",
                  deal);
  };
  if (!open.empty()) candidates.push_back(deal_action(open[0]));
  if (Flagged(facts) ||
      Text(facts["health"].is_object() ? facts["health"] : json::object(), "band") == "At risk")
    candidates.push_back(Action("review_risk", owner, "within two weeks", nullptr));
  if (!facts["whitespace"].empty())
    candidates.push_back(Action("propose_whitespace", owner, "this month", facts["whitespace"][0]));
  if (open.size() > 1) candidates.push_back(deal_action(open[1]));
  if (open.empty() && !facts["products_bought"].empty())
    candidates.push_back(Action("reopen_product", owner, "within two weeks", facts["products_bought"][0]));
  if (Number(metrics, "win_rate") < Number(metrics, "company_win_rate") && Number(metrics, "lost_deals") > 0)
    candidates.push_back(Action("review_losses", owner, "this month", nullptr));
  candidates.push_back(Action("check_in", owner, "this quarter", nullptr));
  if (facts["family"].is_object()) {
    candidates.push_back(Action("family_introduction", owner, "this quarter", facts["family"]["members"]));
  } else {
    candidates.push_back(Action("reference_request", owner, "this quarter", nullptr));
  }
  candidates.push_back(Action("share_catalogue", owner, "this quarter", nullptr));
  candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(kNextBestActions), candidates.end());
  return candidates;
}

void AddAccountPlan(nlohmann::json& facts) {
  facts["priority"] = Priority(facts);
  facts["next_best_actions"] = NextBestActions(facts);
}

}  // namespace crm::agents
