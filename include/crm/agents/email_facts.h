#pragma once
// The facts of a sales email: the account and its history with us, the product and its list price, the
// deal's stage and age when a deal is given, the sender with manager and office, the next step's date.

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "crm/agents/agent_context.h"
#include "crm/agents/email_kinds.h"
#include "crm/common/result.h"

namespace crm::agents {

//! What to draft: for an account or one of its deals, of a type and tone.
struct EmailRequest {
  int32_t account = kNoIndex;  //!< row in Dataset::accounts (set from the deal when a deal is given)
  int32_t deal = kNoIndex;     //!< row in OpportunityColumns, or kNoIndex
  EmailType type = EmailType::kFollowUp;
  Tone tone = Tone::kProfessional;
  std::string product;  //!< product name to feature (case-insensitive); empty: the deal's, else chosen
  std::string to;       //!< the contact's name as the user gave it; empty: address the account's team
};

//! Days from the as-of date to the next step's date, by tone (urgent asks soonest).
int32_t NextStepDays(Tone tone);

//! The facts of the email; an Error when the deal has no account, the product is unknown or no agent has
//! worked with the account.
Result<nlohmann::json> EmailFacts(const AgentContext& context, const EmailRequest& request);

}  // namespace crm::agents
