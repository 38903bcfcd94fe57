#pragma once
// Search results as JSON, the one shape the CLI, the API and the chat give them.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/search/search_request.h"

namespace crm::search {

//! One result: {kind, id, title, score, why}.
nlohmann::json ResultJson(const SearchResult& result);

//! The answer of `search --json` and GET /api/v1/search: {query, results: [ResultJson…]}.
nlohmann::json ResultsJson(const std::string& query, const std::vector<SearchResult>& results);

}  // namespace crm::search
