#pragma once
// What differs between LLM chat APIs: how a prompt becomes a request and what a streamed event means.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "crm/llm/http_stream.h"
#include "crm/llm/prompt.h"
#include "crm/llm/sse_parser.h"

namespace crm::llm {

//! What one streamed event carried.
struct StreamStep {
  std::string text;   //!< text to append to the answer
  bool done = false;  //!< the answer is complete
  std::string error;  //!< the API reported an error in the stream
};

//! One chat API's request and stream formats.
class ChatProtocol {
 public:
  virtual ~ChatProtocol() = default;
  //! The streaming POST that asks for an answer to `prompt`.
  virtual HttpRequest BuildRequest(const Prompt& prompt) const = 0;
  //! Reads one server-sent event of the answer.
  virtual StreamStep ReadEvent(const SseEvent& event) const = 0;
};

//! The message of an API error body: {"error": {"message": …}} (Anthropic, OpenAI) or {"error": "…"}
//! (Ollama), else the start of the body; always one line.
std::string ApiErrorMessage(std::string_view body);

//! The data of an event as JSON; null when it is not JSON.
nlohmann::json EventJson(const SseEvent& event);

//! The string at `key` of a JSON object; empty when `value` is no object or the member no string.
std::string StringAt(const nlohmann::json& value, const char* key);

}  // namespace crm::llm
