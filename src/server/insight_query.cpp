#include "insight_query.h"

#include <algorithm>

#include "crm/analytics/engine.h"

namespace crm::server {

std::string TypeList() {
  std::string list;
  for (const std::string& type : analytics::InsightTypes()) list += (list.empty() ? "" : ", ") + type;
  return list;
}

bool IsInsightType(const std::string& type) {
  const auto& types = analytics::InsightTypes();
  return std::find(types.begin(), types.end(), type) != types.end();
}

std::vector<std::string> FilterNames() {
  analytics::FilterRequest request;
  std::vector<std::string> names;
  for (const auto& [name, target] : request.Fields()) names.emplace_back(name);
  return names;
}

Result<analytics::FilterRequest> BindFilters(const httplib::Request& request,
                                             const std::vector<std::string>& reserved) {
  analytics::FilterRequest filters;
  auto fields = filters.Fields();
  for (const auto& [name, value] : request.params) {
    if (std::find(reserved.begin(), reserved.end(), name) != reserved.end()) continue;
    const auto field =
        std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; });
    if (field == fields.end()) {
      std::string known;
      for (const auto& [known_name, target] : fields)
        known += (known.empty() ? "" : ", ") + std::string(known_name);
      for (const std::string& own : reserved) known += ", " + own;
      return Error{"unknown query parameter '" + name + "'; known: " + known};
    }
    if (request.get_param_value_count(name) > 1) return Error{"query parameter '" + name + "' is repeated"};
    *field->second = value;
  }
  return filters;
}

}  // namespace crm::server
