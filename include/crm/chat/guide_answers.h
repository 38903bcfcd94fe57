#pragma once
// Answers that are about the assistant itself: help with examples from the loaded data, a polite refusal
// for what it does not do, and a clarifying question when it is not sure what was asked.

#include <string>
#include <utility>
#include <vector>

#include "crm/chat/answer.h"
#include "crm/data/dataset.h"

namespace crm::chat {

//! What the assistant can do, each with an example question built from names in `data`.
Answer AnswerHelp(const Dataset& data);

//! A polite refusal for questions outside the CRM, gibberish and attempts to change the rules.
Answer AnswerUnsupported(const Dataset& data);

//! A short question back naming the likeliest readings, when the classifier is not sure. `ranked` holds
//! intents with their probabilities, most likely first.
Answer AnswerClarification(const std::vector<std::pair<std::string, double>>& ranked,
                           const Entities& entities);

//! A question back when an intent needs an entity the question did not name ("Which account?").
Answer AskFor(const std::string& intent, const Entities& entities, const std::string& what,
              const std::string& example);

//! What an intent does, in a few words ("the pipeline: stages, counts and open value").
std::string IntentDescription(const std::string& intent);

}  // namespace crm::chat
