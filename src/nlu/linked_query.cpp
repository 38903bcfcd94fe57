#include "crm/nlu/linked_query.h"

#include "crm/nlu/entities.h"

namespace crm::nlu {

const std::vector<std::string>& MaskedEntityKeys() {
  static const std::vector<std::string> keys = {"account",        "sales_agent", "manager", "regional_office",
                                                "sector",         "product",     "series",  "country",
                                                "opportunity_id", "period"};
  return keys;
}

std::string MaskToken(const std::string& key) { return "ent_" + key; }

std::optional<std::string> LinkedQuery::Value(const std::string& key) const {
  for (const EntitySpan& span : spans) {
    if (span.key == key) return span.value;
  }
  return std::nullopt;
}

Entities EntitiesOf(const LinkedQuery& linked) {
  Entities entities;
  for (const EntitySpan& span : linked.spans) entities.emplace(span.key, span.value);
  return entities;
}

}  // namespace crm::nlu
