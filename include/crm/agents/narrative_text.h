#pragma once
// The offline writer of insight narratives: findings, comparisons and recommendations in Markdown,
// written from the narrative facts alone.

#include <string>

#include <nlohmann/json.hpp>

namespace crm::agents {

//! Writes the narrative of the facts of NarrativeFacts.
std::string WriteNarrative(const nlohmann::json& facts);

}  // namespace crm::agents
