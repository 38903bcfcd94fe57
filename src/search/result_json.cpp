#include "crm/search/result_json.h"

namespace crm::search {

nlohmann::json ResultJson(const SearchResult& result) {
  return {{"kind", RecordKindName(result.kind)},
          {"id", result.id},
          {"title", result.title},
          {"score", result.score},
          {"why", result.why}};
}

nlohmann::json ResultsJson(const std::string& query, const std::vector<SearchResult>& results) {
  nlohmann::json document = {{"query", query}, {"results", nlohmann::json::array()}};
  for (const SearchResult& result : results) document["results"].push_back(ResultJson(result));
  return document;
}

}  // namespace crm::search
