#pragma once
// Numeric conditions on accounts for search filters: "more than 1,000 employees", "revenue above
// $500M", "under 100 million in revenue", "founded before 1990".

#include "crm/nlu/link_state.h"

namespace crm::nlu {

//! Finds comparator + number (+ scale) + field and records them as NumericConditions; their words are
//! claimed without a span, so the numbers become neither top_n nor periods.
//! - Comparators: more/greater/bigger/larger/higher than, over, above, exceeding, at least → '>';
//!   fewer/less/smaller/lower than, under, below, at most → '<'; before, prior to, earlier than → '<' and
//!   after, since, later than → '>' for founding years; "between X and Y" → '>' X and '<' Y (a scale
//!   written once serves both: "between 100 and 500 million").
//! - Fields: "employees", "staff", "people", "workers", "headcount" → employees; "revenue", "turnover",
//!   "sales" → revenue in millions of USD ($1B → 1000, 500k → 0.5, a bare number is already millions);
//!   "founded", "established", "incorporated" before the comparator → year_established. The field may
//!   follow the number ("over 5k staff", "under 100 million in revenue") or come shortly before the
//!   comparator ("revenue above $500M"); millions or billions without a field word are revenue ("companies
//!   over $1B").
void FindNumericConditions(LinkState& state);

}  // namespace crm::nlu
