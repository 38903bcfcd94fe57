#pragma once
// The offline writer of the account summary: Markdown sections written from the facts alone, with
// phrasings chosen by a seeded choice on the account's name.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace crm::agents {

//! The summary's sections in order: id ("executive_summary", …) → Markdown text.
using Sections = std::vector<std::pair<std::string, std::string>>;

//! Writes every section from the facts of AccountFacts plus AddAccountPlan.
Sections WriteAccountSections(const nlohmann::json& facts);
//! The whole summary as one Markdown document: a title and a heading per section.
std::string SectionsMarkdown(const std::string& account, const Sections& sections);

}  // namespace crm::agents
