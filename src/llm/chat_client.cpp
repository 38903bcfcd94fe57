#include "crm/llm/chat_client.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace crm::llm {

namespace {

//! What one attempt produced.
struct Attempt {
  HttpResponse response;
  std::string text;
  bool done = false;
  bool stopped = false;  //!< the sink refused a piece
  std::string api_error;
};

Attempt Try(const ChatProtocol& protocol, const HttpRequest& request, const HttpLimits& limits,
            const TextSink& on_text) {
  Attempt attempt;
  SseParser parser;
  const SseHandler on_event = [&](const SseEvent& event) {
    if (attempt.done || attempt.stopped || !attempt.api_error.empty()) return;
    const StreamStep step = protocol.ReadEvent(event);
    if (!step.error.empty()) {
      attempt.api_error = step.error;
      return;
    }
    if (!step.text.empty()) {
      attempt.text += step.text;
      attempt.stopped = !on_text(step.text);
    }
    attempt.done = step.done;
  };
  attempt.response = PostStreaming(request, limits, [&](std::string_view piece) {
    if (piece.empty()) attempt.stopped = !on_text(piece);
    parser.Feed(piece, on_event);
    return !attempt.done && !attempt.stopped && attempt.api_error.empty();
  });
  return attempt;
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", seconds);
  return text;
}

//! Why an attempt failed, in one line; empty when it succeeded.
std::string FailureReason(const Attempt& attempt, const HttpLimits& limits) {
  const HttpResponse& response = attempt.response;
  if (!attempt.api_error.empty()) return "API error: " + attempt.api_error;
  if (attempt.stopped) return "stopped";
  if (attempt.done) return "";  // the transfer is cut as soon as the final event arrives
  switch (response.transport_error) {
    case TransportError::kNone:
      break;
    case TransportError::kTimeout:
      return "timed out after " + Seconds(limits.timeout_seconds);
    case TransportError::kConnect:
    case TransportError::kStopped:
    case TransportError::kOther:
      return "connection failed: " + response.transport_message;
  }
  if (response.status < 200 || response.status > 299) {
    return "HTTP " + std::to_string(response.status) + ": " + ApiErrorMessage(response.error_body);
  }
  return "the answer stream ended before the answer was complete";
}

bool Retryable(const Attempt& attempt) {
  if (!attempt.text.empty() || !attempt.api_error.empty()) return false;
  const HttpResponse& response = attempt.response;
  if (response.transport_error == TransportError::kConnect) return true;
  return response.transport_error == TransportError::kNone && IsRetryableStatus(response.status);
}

}  // namespace

Result<std::string> StreamAnswer(const ChatProtocol& protocol, const HttpRequest& request,
                                 const LlmConfig& config, const TextSink& on_text) {
  const HttpLimits limits{config.connect_timeout_seconds, config.timeout_seconds};
  for (int retry = 0;; ++retry) {
    Attempt attempt = Try(protocol, request, limits, on_text);
    const std::string reason = FailureReason(attempt, limits);
    if (reason.empty()) return std::move(attempt.text);
    const std::string tries = retry == 0 ? "" : " (" + std::to_string(retry + 1) + " attempts)";
    if (!Retryable(attempt) || retry >= config.retry.max_retries || !on_text(""))
      return Error{reason + tries};
    const std::optional<double> wait =
        BackoffSeconds(config.retry, retry, attempt.response.retry_after_seconds);
    if (!wait) {
      return Error{reason + tries + "; the server asks to wait " +
                   Seconds(*attempt.response.retry_after_seconds)};
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(*wait));
  }
}

}  // namespace crm::llm
