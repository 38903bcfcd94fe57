#include "crm/nlu/understander.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace crm::nlu {

namespace {

//! Intents a follow-up never continues: they have no filters to carry.
bool Continuable(const std::string& intent) { return intent != "help" && intent != "unsupported"; }

}  // namespace

size_t ContentWords(std::string_view question, const LinkedQuery& linked) {
  static constexpr std::array<std::string_view, 34> kFiller = {
      "and", "what", "about",   "how",   "for",   "the",  "in",     "by",    "same",  "only", "just", "also",
      "but", "now",  "then",    "if",    "ok",    "okay", "please", "of",    "a",     "an",   "with", "to",
      "on",  "at",   "instead", "again", "there", "that", "this",   "those", "these", "them"};
  std::string text(question);
  for (const EntitySpan& span : linked.spans) {
    for (size_t i = span.begin; i < span.end && i < text.size(); ++i) text[i] = ' ';
  }
  size_t count = 0;
  std::string word;
  const auto flush = [&] {
    if (!word.empty() && std::find(kFiller.begin(), kFiller.end(), word) == kFiller.end()) ++count;
    word.clear();
  };
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80 || c == '\'') {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  return count;
}

Understander::Understander(const Dataset& data, const IntentClassifier& classifier)
    : linker_(data), classifier_(&classifier) {}

Understanding Understander::Understand(std::string_view question, int32_t as_of_day,
                                       const PreviousTurn* previous) const {
  Understanding understanding;
  understanding.linked = linker_.Link(question, as_of_day);
  const IntentPrediction prediction = classifier_->Classify(understanding.linked.masked_text);
  understanding.intent = prediction.intent;
  understanding.confidence = prediction.confidence;
  understanding.clarify = prediction.clarify;
  understanding.ranked = prediction.ranked;
  understanding.entities = EntitiesOf(understanding.linked);
  if (previous == nullptr || !Continuable(previous->intent)) return understanding;
  const size_t content_words = ContentWords(question, understanding.linked);
  Continuation continuation = ReadContinuation(question);
  // A bare name or filter ("Konex", "West?") answers the last question back or narrows the last answer.
  if (continuation == Continuation::kNone && !understanding.linked.spans.empty() && content_words == 0)
    continuation = Continuation::kFragment;
  if (continuation == Continuation::kFragment) {
    // "and for the West?" has nothing but filters: the previous question stands with them. A fragment
    // with words of its own ("and which accounts are at risk?") keeps its intent when the classifier is
    // sure, and is refused when it is sure the words are outside the assistant's rules.
    if (content_words == 0 || prediction.clarify) {
      understanding.intent = previous->intent;
      understanding.clarify = false;
    } else if (understanding.intent == "unsupported") {
      return understanding;
    }
    understanding.entities = MergeFragment(previous->entities, understanding.entities);
    understanding.continuation = continuation;
  } else if (continuation == Continuation::kReference && !prediction.clarify &&
             understanding.intent != "unsupported") {
    understanding.entities = MergeReference(previous->entities, understanding.entities);
    understanding.continuation = continuation;
  }
  return understanding;
}

}  // namespace crm::nlu
