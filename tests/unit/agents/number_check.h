#pragma once
// A checker for the agents' tests: every number in a text must appear among the facts, allowing the
// formats the writers use ("$1,234", "63%", "1.2", dates written out).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace crm::agents::test {

//! The numbers of `text` that match no number of `facts` (each as written in the text); empty when every
//! number is backed by a fact.
std::vector<std::string> UnbackedNumbers(const std::string& text, const nlohmann::json& facts);

}  // namespace crm::agents::test
