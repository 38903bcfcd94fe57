#include "crm/chat/answer.h"

#include <charconv>

namespace crm::chat {

nlohmann::json EntitiesJson(const Entities& entities) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : entities) {
    int number = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (key == "top_n" && error == std::errc() && end == value.data() + value.size()) {
      object[key] = number;
    } else {
      object[key] = value;
    }
  }
  return object;
}

nlohmann::json AnswerJson(const Answer& answer, const std::string& session) {
  nlohmann::json document = {{"intent", answer.intent},
                             {"entities", EntitiesJson(answer.entities)},
                             {"answer", answer.markdown},
                             {"data", answer.data},
                             {"sources", answer.sources},
                             {"confidence", answer.confidence},
                             {"clarification", answer.clarification},
                             {"suggestions", answer.suggestions}};
  if (!session.empty()) document["session"] = session;
  if (answer.replace) document["replace"] = true;
  return document;
}

}  // namespace crm::chat
