#include "crm/llm/llm_writer.h"

#include <iostream>
#include <stdexcept>

#include "crm/llm/anthropic_protocol.h"
#include "crm/llm/chat_client.h"
#include "crm/llm/grounded_stream.h"
#include "crm/llm/openai_protocol.h"

namespace crm::llm {

namespace {

std::unique_ptr<ChatProtocol> MakeProtocol(const LlmConfig& config) {
  switch (config.provider) {
    case Provider::kAnthropic:
      return std::make_unique<AnthropicProtocol>(config);
    case Provider::kOpenAi:
      return std::make_unique<OpenAiProtocol>(config);
    case Provider::kOffline:
      break;
  }
  throw std::invalid_argument("LlmWriter needs an LLM provider; MakeWriter gives the offline writer");
}

std::string Joined(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

bool IsBlank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

void LogToStderr(std::string_view line) { std::cerr << "crm-assistant: " << line << '\n'; }

LlmWriter::LlmWriter(LlmConfig config, EventLog log)
    : config_(std::move(config)), protocol_(MakeProtocol(config_)), log_(std::move(log)) {}

std::string LlmWriter::name() const { return WriterName(config_); }

std::string LlmWriter::Redacted(std::string text) const {
  if (config_.api_key.empty()) return text;
  for (size_t at = text.find(config_.api_key); at != std::string::npos; at = text.find(config_.api_key, at)) {
    text.replace(at, config_.api_key.size(), "***");
  }
  return text;
}

WrittenText LlmWriter::Write(const WritingTask& task, const ChunkCallback& on_chunk) const {
  const FactIndex facts(task.facts);
  GroundedStream stream(facts, on_chunk);
  const Result<std::string> answer =
      StreamAnswer(*protocol_, protocol_->BuildRequest(BuildPrompt(task)), config_,
                   [&stream](std::string_view piece) { return stream.Append(piece); });
  std::string reason;
  if (answer.ok() && stream.Finish() && !IsBlank(stream.text())) {
    return {stream.text(), name(), true, ""};
  }
  if (stream.stopped())
    return {task.offline_text, "offline", true, name() + ": " + std::string(kStoppedReason)};
  if (!stream.grounding().ok) {
    reason = "numbers not in the facts: " + Joined(stream.grounding().unmatched);
  } else if (!answer.ok()) {
    reason = answer.error().message;
  } else {
    reason = "the answer was empty";
  }
  reason = Redacted(name() + ": " + reason);
  if (log_) log_("the offline text stands in for " + reason);
  if (on_chunk && !stream.released_any()) on_chunk(task.offline_text);
  return {task.offline_text, "offline", true, reason};
}

std::unique_ptr<TextWriter> MakeWriter(const LlmConfig& config, EventLog log) {
  if (config.provider == Provider::kOffline) return std::make_unique<OfflineWriter>();
  return std::make_unique<LlmWriter>(config, std::move(log));
}

}  // namespace crm::llm
