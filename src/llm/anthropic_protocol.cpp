#include "crm/llm/anthropic_protocol.h"

namespace crm::llm {

HttpRequest AnthropicProtocol::BuildRequest(const Prompt& prompt) const {
  const nlohmann::json body = {{"model", config_.model},
                               {"max_tokens", config_.max_tokens},
                               {"system", prompt.system},
                               {"messages", {{{"role", "user"}, {"content", prompt.user}}}},
                               {"stream", true}};
  return {config_.base_url + "/v1/messages",
          {"x-api-key: " + config_.api_key, "anthropic-version: " + std::string(kAnthropicVersion),
           "content-type: application/json", "accept: text/event-stream"},
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

StreamStep AnthropicProtocol::ReadEvent(const SseEvent& event) const {
  const nlohmann::json data = EventJson(event);
  std::string type = StringAt(data, "type");
  if (type.empty()) type = event.event;
  StreamStep step;
  if (type == "content_block_delta" && data.contains("delta")) {
    const nlohmann::json& delta = data["delta"];
    if (StringAt(delta, "type") == "text_delta") step.text = StringAt(delta, "text");
  } else if (type == "message_stop") {
    step.done = true;
  } else if (type == "error") {
    step.error = ApiErrorMessage(event.data);
  }
  return step;
}

}  // namespace crm::llm
