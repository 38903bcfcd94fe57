#pragma once
// The dimension a question groups by ("by sector", "per rep", "for each product", "monthly"), reported
// as the entity `by`; its words then never name a sector or product themselves.

#include "crm/nlu/link_state.h"

namespace crm::nlu {

//! Claims "by" / "per" / "for each" / "across" + a dimension noun ("broken down by rep", "by product
//! line", "per quarter") and the adverbs "monthly", "quarterly", "month by month" as `by` spans valued
//! deal_stage, product, series, sector, sales_agent, manager, regional_office, account, country, month
//! or quarter. "across" takes plural nouns only ("across sectors").
void FindGroupings(LinkState& state);

}  // namespace crm::nlu
