#pragma once
// The intents of CONTRACTS.md: what a question is about.

#include <string>
#include <string_view>
#include <vector>

namespace crm::nlu {

//! The 15 intent names of CONTRACTS.md, in its order.
const std::vector<std::string>& IntentNames();

//! True when `name` is one of IntentNames().
bool IsIntent(std::string_view name);

}  // namespace crm::nlu
