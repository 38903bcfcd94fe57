#pragma once
// Answers about one record: an account's summary and an opportunity's score, written from the facts
// the analytics engine and the models compute (the agents of a later issue write richer prose).

#include "crm/chat/answer.h"
#include "crm/chat/answer_context.h"

namespace crm::chat {

//! The account of `entities["account"]`: profile, deals and win rate against the company's, health with
//! its components and risk, open opportunities. Asks which account when none is named.
Answer AnswerAccountSummary(const AnswerContext& context, const Entities& entities);

//! The win probability of `entities["opportunity_id"]` with its tier, factors and model version;
//! explains why a closed deal has no score. Asks which deal when none is named.
Answer AnswerOpportunityScore(const AnswerContext& context, const Entities& entities);

//! The facts an email to the named account (or about the named deal) would rest on: the account, the
//! deal or product, the agent who works it. Asks for the account when none is named.
Answer AnswerEmailFacts(const AnswerContext& context, const Entities& entities);

}  // namespace crm::chat
