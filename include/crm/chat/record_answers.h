#pragma once
// Answers about one record: an account's summary and an email to it (written by the agents), and an
// opportunity's score.

#include "crm/chat/answer.h"
#include "crm/chat/answer_context.h"

namespace crm::chat {

//! The account summary agent's answer for `entities["account"]`; asks which account when none is named.
Answer AnswerAccountSummary(const AnswerContext& context, const Entities& entities);

//! The win probability of `entities["opportunity_id"]` with its tier, factors and model version;
//! explains why a closed deal has no score. Asks which deal when none is named.
Answer AnswerOpportunityScore(const AnswerContext& context, const Entities& entities);

//! The email agent's draft to the named account or about the named deal, with the type, tone and
//! product the question gives (a follow-up in a professional tone by default); asks for the account
//! when none is named.
Answer AnswerEmail(const AnswerContext& context, const Entities& entities);

}  // namespace crm::chat
