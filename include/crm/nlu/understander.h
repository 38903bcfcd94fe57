#pragma once
// Understanding a question: entity linking, the intent classifier on the masked text, and the thread's
// previous turn for follow-ups.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/nlu/entities.h"
#include "crm/nlu/entity_linker.h"
#include "crm/nlu/follow_up.h"
#include "crm/nlu/intent_classifier.h"

namespace crm::nlu {

//! What a question asks: its intent, how sure the classifier is, and its entities.
struct Understanding {
  std::string intent;
  double confidence = 0;                               //!< the classifier's probability of `intent`
  bool clarify = false;                                //!< too unsure to answer: ask back
  std::vector<std::pair<std::string, double>> ranked;  //!< intents by probability, likeliest first
  Entities entities;                                   //!< after merging the previous turn's
  LinkedQuery linked;                                  //!< what linking found in this question alone
  Continuation continuation = Continuation::kNone;     //!< how the previous turn was used
};

//! Turns questions into intents and entities; const and safe to share across threads.
class Understander {
 public:
  //! An understander over the names of `data` with a trained classifier; both must outlive it.
  Understander(const Dataset& data, const IntentClassifier& classifier);

  //! Understands `question`, measuring relative periods against `as_of_day`; with `previous`, a
  //! follow-up takes the intent and entities it leaves out from that turn.
  Understanding Understand(std::string_view question, int32_t as_of_day,
                           const PreviousTurn* previous = nullptr) const;

 private:
  EntityLinker linker_;
  const IntentClassifier* classifier_;
};

//! The number of words in `question` outside the linked spans that carry meaning (not "and", "for",
//! "the", "what about", …): 0 for a pure fragment such as "and for the West?".
size_t ContentWords(std::string_view question, const LinkedQuery& linked);

}  // namespace crm::nlu
