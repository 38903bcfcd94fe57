#pragma once
// The words for email types and tones ("follow up" → follow_up, "warm" → friendly).

#include "crm/nlu/phrase_table.h"

namespace crm::nlu {

//! Phrases of the email types (follow_up, introduction, proposal, check_in, closing, re_engagement)
//! and tones (professional, friendly, urgent, consultative) of CONTRACTS.md.
const PhraseTable& MessagePhrases();

}  // namespace crm::nlu
