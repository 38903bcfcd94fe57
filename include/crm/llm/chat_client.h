#pragma once
// Asks a chat API for one streamed answer: time-outs, retries with backoff on 429, 5xx and broken
// connections, and a one-line reason when it gives up.

#include <functional>
#include <string>
#include <string_view>

#include "crm/common/result.h"
#include "crm/llm/chat_protocol.h"
#include "crm/llm/llm_config.h"

namespace crm::llm {

//! Receives the answer's text pieces in order; returns false to stop the answer. An empty piece (about
//! once a second while no text arrives, and before a retry) asks whether to go on.
using TextSink = std::function<bool(std::string_view piece)>;

//! Sends `request` and streams the answer's text to `on_text`; returns the whole answer, or why there is
//! none ("HTTP 429: rate limited (3 attempts)", "timed out after 30 s", …). An attempt is retried only
//! before any text of it arrived, so `on_text` never sees a piece twice.
Result<std::string> StreamAnswer(const ChatProtocol& protocol, const HttpRequest& request,
                                 const LlmConfig& config, const TextSink& on_text);

}  // namespace crm::llm
