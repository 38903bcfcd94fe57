#pragma once
// Deal stages, claimed only where the question filters on a stage: "lost deals in the West", "show
// engaging deals", "closed won", "deals in prospecting", "prospects". Stage words that measure rather
// than filter carry no stage: "win rate", "won revenue", "won vs lost", "how many deals did we win".

#include "crm/nlu/link_state.h"

namespace crm::nlu {

//! Claims `deal_stage` spans (Prospecting, Engaging, Won, Lost) where a stage word (won, lost,
//! engaging, prospecting) is followed by a deal noun (deals, opportunities, opps, pipeline) or by
//! "stage", follows "in"/"at" or a deal noun ("deals lost"), or comes after "closed" ("closed won");
//! "prospects" alone is Prospecting. A stage word next to "vs", "versus", "or", "and", "rate" or
//! "ratio" compares stages and is left alone.
void FindDealStages(LinkState& state);

}  // namespace crm::nlu
