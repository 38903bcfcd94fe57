#pragma once
// The OpenAI Chat Completions API as OpenAI-compatible servers speak it (Ollama, vLLM, llama.cpp server):
// POST {base}/chat/completions with streaming.

#include "crm/llm/chat_protocol.h"
#include "crm/llm/llm_config.h"

namespace crm::llm {

//! Requests and events of the Chat Completions API.
class OpenAiProtocol : public ChatProtocol {
 public:
  //! Uses the model, base URL, optional key and answer length of `config`.
  explicit OpenAiProtocol(const LlmConfig& config) : config_(config) {}
  //! Sends Authorization only when a key is configured.
  HttpRequest BuildRequest(const Prompt& prompt) const override;
  //! choices[0].delta.content pieces; done at [DONE] or a finish_reason; {"error": …} chunks.
  StreamStep ReadEvent(const SseEvent& event) const override;

 private:
  LlmConfig config_;
};

}  // namespace crm::llm
