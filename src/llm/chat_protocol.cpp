#include "crm/llm/chat_protocol.h"

namespace crm::llm {

namespace {

constexpr size_t kMaxMessage = 300;

std::string OneLine(std::string_view text) {
  std::string line(text.substr(0, kMaxMessage));
  for (char& c : line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return line;
}

}  // namespace

std::string ApiErrorMessage(std::string_view body) {
  const nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object() && parsed.contains("error")) {
    const nlohmann::json& error = parsed["error"];
    if (error.is_string()) return OneLine(error.get_ref<const std::string&>());
    if (const std::string message = StringAt(error, "message"); !message.empty()) return OneLine(message);
  }
  return OneLine(body);
}

std::string StringAt(const nlohmann::json& value, const char* key) {
  if (!value.is_object()) return "";
  const auto found = value.find(key);
  return found != value.end() && found->is_string() ? found->get<std::string>() : "";
}

nlohmann::json EventJson(const SseEvent& event) {
  nlohmann::json parsed = nlohmann::json::parse(event.data, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json() : parsed;
}

}  // namespace crm::llm
