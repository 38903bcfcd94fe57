#pragma once
// The intent classifier's training questions: parsing the JSON-lines corpus and the built-in one.

#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"

namespace crm::nlu {

//! One training question and its intent. Names in `text` are placeholders such as "{account}".
struct LabeledQuestion {
  std::string text;    //!< the question, with "{key}" where the entity linker would put a mask token
  std::string intent;  //!< one of IntentNames()
};

//! Parses JSON lines `{"text": "...", "intent": "..."}` (blank lines skipped); errors name the line:
//! "line 12: unknown intent \"foo\"". Placeholders must be MaskedEntityKeys() in braces.
Result<std::vector<LabeledQuestion>> ParseIntentCorpus(std::string_view jsonl);

//! The text with every "{key}" placeholder replaced by the mask token "ent_key", as the entity
//! linker would mask it; other text unchanged.
std::string MaskPlaceholders(std::string_view text);

//! The text of data/nlu/intents.jsonl, embedded into the program at build time.
std::string_view BuiltinIntentCorpusText();

//! The built-in corpus, parsed once.
const std::vector<LabeledQuestion>& BuiltinIntentCorpus();

}  // namespace crm::nlu
