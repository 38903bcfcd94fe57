#pragma once
// The LLM writer: rewrites an agent's facts with the configured LLM, streams the checked text and falls
// back to the agent's offline text, saying why, when the LLM fails or writes a number not in the facts.

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "crm/llm/chat_protocol.h"
#include "crm/llm/llm_config.h"
#include "crm/llm/writing_task.h"

namespace crm::llm {

//! Receives one line for each fallback (the reason, never a key).
using EventLog = std::function<void(std::string_view line)>;

//! Writes "crm-assistant: <line>" on stderr.
void LogToStderr(std::string_view line);

//! A TextWriter over Anthropic or an OpenAI-compatible server, checked against the facts.
//!
//! Streaming: pieces reach the callback a sentence at a time, once their numbers are checked. When the
//! writer falls back before anything was streamed, the offline text is streamed instead; when it falls
//! back after (a later sentence failed), WrittenText::text (the offline text) replaces what was shown.
class LlmWriter : public TextWriter {
 public:
  //! `config.provider` must not be kOffline (use MakeWriter).
  explicit LlmWriter(LlmConfig config, EventLog log = LogToStderr);

  std::string name() const override;
  WrittenText Write(const WritingTask& task, const ChunkCallback& on_chunk = nullptr) const override;

 private:
  //! `text` with the key replaced by "***", for anything that leaves the writer.
  std::string Redacted(std::string text) const;

  LlmConfig config_;
  std::unique_ptr<ChatProtocol> protocol_;
  EventLog log_;
};

//! The writer `config` asks for: OfflineWriter when offline, else an LlmWriter.
std::unique_ptr<TextWriter> MakeWriter(const LlmConfig& config, EventLog log = LogToStderr);

}  // namespace crm::llm
