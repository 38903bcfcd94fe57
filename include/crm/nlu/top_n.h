#pragma once
// How many results a question asks for: "top 5", "five best", "best 10 deals", "the 3 most likely",
// "give me 7 accounts".

#include "crm/nlu/link_state.h"

namespace crm::nlu {

//! Claims a `top_n` span (the count as a decimal string) for a count of 1-100 in digits or words that
//! follows "top", "first" or a superlative ("best 10", "largest 3"), precedes a superlative, "most" or
//! "top" ("5 best", "the 3 most likely"), is written with "top" ("top-5", "top10"), or follows a
//! request verb ("show", "list", "give me", "name"). Counts after a comparison ("more than 3", "at least
//! 2") and money are no top_n; years, ids, quarters and condition numbers are claimed earlier by their
//! own finders.
void FindTopN(LinkState& state);

}  // namespace crm::nlu
