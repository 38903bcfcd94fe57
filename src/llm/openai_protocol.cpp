#include "crm/llm/openai_protocol.h"

namespace crm::llm {

HttpRequest OpenAiProtocol::BuildRequest(const Prompt& prompt) const {
  const nlohmann::json body = {
      {"model", config_.model},
      {"messages",
       {{{"role", "system"}, {"content", prompt.system}}, {{"role", "user"}, {"content", prompt.user}}}},
      {"max_tokens", config_.max_tokens},
      {"stream", true}};
  HttpRequest request{config_.base_url + "/chat/completions",
                      {"content-type: application/json", "accept: text/event-stream"},
                      body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
  if (!config_.api_key.empty()) request.headers.push_back("Authorization: Bearer " + config_.api_key);
  return request;
}

StreamStep OpenAiProtocol::ReadEvent(const SseEvent& event) const {
  StreamStep step;
  if (event.data == "[DONE]") {
    step.done = true;
    return step;
  }
  const nlohmann::json data = EventJson(event);
  if (!data.is_object()) return step;
  if (data.contains("error")) {
    step.error = ApiErrorMessage(event.data);
    return step;
  }
  const nlohmann::json* choices = data.contains("choices") ? &data["choices"] : nullptr;
  if (choices == nullptr || !choices->is_array() || choices->empty()) return step;
  const nlohmann::json& choice = (*choices)[0];
  if (choice.contains("delta")) step.text = StringAt(choice["delta"], "content");
  step.done = !StringAt(choice, "finish_reason").empty();
  return step;
}

}  // namespace crm::llm
