#pragma once
// The Anthropic Messages API: POST /v1/messages with streaming, read from its server-sent events.

#include "crm/llm/chat_protocol.h"
#include "crm/llm/llm_config.h"

namespace crm::llm {

//! The API version this client speaks.
inline constexpr std::string_view kAnthropicVersion = "2023-06-01";

//! Requests and events of the Anthropic Messages API.
class AnthropicProtocol : public ChatProtocol {
 public:
  //! Uses the model, base URL, key and answer length of `config`.
  explicit AnthropicProtocol(const LlmConfig& config) : config_(config) {}
  HttpRequest BuildRequest(const Prompt& prompt) const override;
  //! text_delta pieces of content_block_delta, message_stop, error; other events carry nothing.
  StreamStep ReadEvent(const SseEvent& event) const override;

 private:
  LlmConfig config_;
};

}  // namespace crm::llm
