#pragma once
// Periods in questions, as CONTRACTS.md spells them: "2017", "2017-Q3", "2017-07".
//
// Rules (as-of date D, the day relative periods are measured against):
// - A year: "2017", "in 2017", "during 2016", "FY2017", "fy 2017" → "2017" (years 1900-2099 only).
// - A quarter with its year: "Q3 2017", "2017 Q3", "q3 of 2017", "third quarter of 2017", "3rd quarter
//   2017", "2017-Q3", "q3-2017" → "2017-Q3".
// - A quarter alone ("Q3", "the third quarter") → that quarter in D's year, or in the year before when
//   it starts after D.
// - A month with its year: "March 2017", "mar 2017", "march of 2017", "2017-03" → "2017-03".
// - A month alone → the latest such month not after D. Only when clearly a month: full names other than
//   "may" and "march" always; "may", "march" and abbreviations ("jan", "sept") only after "in",
//   "during", "for", "since", "until", "through" or "from" ("may I see" is no month).
// - "this/current quarter" → D's quarter, "last/previous/prior/past quarter" → the one before, "next
//   quarter" → the one after; likewise for "month" and "year"; "ytd", "year to date" → D's year.
//   With D = 2017-12-31: last quarter = 2017-Q3, last month = 2017-11, last year = 2016.
// Relative periods are skipped when D is kNoDay.

#include <cstdint>

#include "crm/nlu/link_state.h"

namespace crm::nlu {

//! Claims `period` spans by the rules above.
void FindPeriods(LinkState& state, int32_t as_of_day);

}  // namespace crm::nlu
