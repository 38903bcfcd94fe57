#pragma once
// Threads: a question that continues the previous one ("and for the West?", "now write them an email")
// takes what it leaves out from the previous turn.

#include <string>
#include <string_view>

#include "crm/nlu/entities.h"

namespace crm::nlu {

//! What a thread remembers of its last answered turn.
struct PreviousTurn {
  std::string intent;
  Entities entities;
};

//! How a question relates to the previous turn.
enum class Continuation {
  kNone,      //!< a question of its own
  kFragment,  //!< "and for the West?", "what about Q3": the previous question with new filters
  kReference  //!< "write them an email", "score it": a new question about the previous subject
};

//! Reads the cues of a continuation: an opening "and", "what about", "how about", "same for", "only",
//! "now", … or a pronoun ("them", "it", "that account") standing for the previous subject.
Continuation ReadContinuation(std::string_view question);

//! The entities of a fragment: the previous turn's, with the keys the new question names replaced.
Entities MergeFragment(const Entities& previous, const Entities& current);

//! The entities of a reference: the current ones, plus the previous subject (account, opportunity,
//! product, sales agent) where the question does not name its own.
Entities MergeReference(const Entities& previous, const Entities& current);

}  // namespace crm::nlu
