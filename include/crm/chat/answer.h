#pragma once
// The answer to one question: the fields of CONTRACTS.md's `ask` and what the chat shows around them.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/nlu/entities.h"

namespace crm::chat {

//! Entities by CONTRACTS.md key with canonical values as text.
using Entities = nlu::Entities;

//! The entities as the JSON object of CONTRACTS.md: `top_n` an integer, everything else text.
nlohmann::json EntitiesJson(const Entities& entities);

//! An answer: markdown for people, the structured result and its chart specification for programs, and
//! the records and computations it used.
struct Answer {
  std::string intent;
  Entities entities;
  std::string markdown;
  nlohmann::json data = nlohmann::json::object();    //!< the structured result (an insight, a score, …)
  nlohmann::json sources = nlohmann::json::array();  //!< {kind, id, …} of records and computations used
  double confidence = 1;                             //!< the intent classifier's probability
  bool clarification = false;                        //!< the answer asks a question back
  std::string writer;  //!< the writer whose text it shows after any fallback ("offline", …); empty: none
  std::vector<std::string> suggestions;  //!< follow-up questions worth asking next
  bool replace = false;  //!< streamed: what was sent does not begin `markdown`, which replaces it
  bool stopped = false;  //!< streamed: the reader went away, the answer is incomplete (discard it)
};

//! The JSON of `ask --json`: intent, entities, answer, data, sources, plus confidence, clarification,
//! suggestions, the session id when there is one and `"replace": true` when the answer replaces what
//! was streamed.
nlohmann::json AnswerJson(const Answer& answer, const std::string& session);

}  // namespace crm::chat
