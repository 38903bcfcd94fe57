#pragma once
// The prompt an LLM writer sends: the agent's rules plus the data rules in the system field, the facts
// as a delimited JSON block and the request in the user message.

#include <string>

#include <nlohmann/json.hpp>

#include "crm/llm/writing_task.h"

namespace crm::llm {

//! The two texts of a chat request.
struct Prompt {
  std::string system;  //!< the task's system prompt followed by the rules about facts
  std::string user;    //!< the facts block, then the request
};

//! The facts as JSON between <facts> and </facts>; every '<' and '>' inside is written as a JSON
//! escape (\u003c, \u003e), so no CRM text can close the block early.
std::string FactsBlock(const nlohmann::json& facts);

//! The prompt for a task.
Prompt BuildPrompt(const WritingTask& task);

}  // namespace crm::llm
