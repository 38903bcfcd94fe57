#pragma once
// The account's priority and its three next best actions, decided by documented rules from the facts.
//
// Priority rule:
//   danger = the health band is At risk or Watch, or the at_risk_accounts insight flags the account, or
//            the account_risk model gives at least 50%;
//   stake  = the account has open pipeline (an open deal);
//   High when danger and stake, Medium when either, Low when neither.
//
// Next best actions, the first three that apply, in this order: advance the best-scored open deal (owner:
// its agent; this week when Engaging, within two weeks when Prospecting); review the account's risk
// signals (within two weeks); propose the whitespace product most adopted by sector peers (this month);
// advance the second open deal; reopen the most bought product when nothing is open (within two weeks);
// review the lost deals when the win rate is below the company's (this month); a check-in on next
// quarter's plans (this quarter); a family introduction when the account has a parent or subsidiaries,
// else a reference request (this quarter); sharing the product catalogue (this quarter). Owner: the deal's
// agent, else the account's main agent.

#include <nlohmann/json.hpp>

namespace crm::agents {

//! The number of next best actions given.
inline constexpr size_t kNextBestActions = 3;

//! "High", "Medium" or "Low" with the reasons, by the rule above.
nlohmann::json Priority(const nlohmann::json& facts);
//! The three next best actions, each {kind, owner, time_frame, subject}, by the rule above.
nlohmann::json NextBestActions(const nlohmann::json& facts);
//! Adds "priority" and "next_best_actions" to the facts of AccountFacts.
void AddAccountPlan(nlohmann::json& facts);

}  // namespace crm::agents
