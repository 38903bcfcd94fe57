#pragma once
// What the writing layer is asked to write and what it gives back: facts first, prose second. The
// agents compute the facts and an offline text; a writer (offline, or an LLM checked against the facts)
// turns them into the text the user sees.

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace crm::llm {

//! One piece of writing: the agent's rules, the facts it may use, what to write, and the offline text.
struct WritingTask {
  std::string agent;          //!< "account_summary", "email" or "narrative"
  std::string system_prompt;  //!< the agent's rules for an LLM
  nlohmann::json facts;       //!< every fact the text may use (numbers, names, dates)
  std::string request;        //!< what to write, in words ("a friendly follow-up email to Konex about …")
  std::string offline_text;   //!< what the offline writer wrote from the same facts
};

//! The text a writer produced and how far to trust it.
struct WrittenText {
  std::string text;
  std::string writer;           //!< "offline", "anthropic:<model>", "openai:<model>"
  bool numbers_checked = true;  //!< every number in the text matched a fact (always true offline)
  std::string fallback_reason;  //!< why the offline text stands in for an LLM's, when it does
};

//! WrittenText::fallback_reason's ending when the reader stopped the stream.
inline constexpr std::string_view kStoppedReason = "stopped: the reader went away";

//! Receives streamed pieces of text as they arrive; returns false to stop (the reader went away): the
//! writer then stops its work (an LLM transfer is aborted) and sends nothing more. While an LLM writes
//! nothing that can be shown yet, empty pieces ask whether to go on.
using ChunkCallback = std::function<bool(std::string_view chunk)>;

//! Writes texts from tasks; implementations are const and safe to share across threads.
class TextWriter {
 public:
  virtual ~TextWriter() = default;
  //! The writer's name as WrittenText::writer gives it.
  virtual std::string name() const = 0;
  //! Writes the task's text, streaming pieces to `on_chunk` when given; never fails: an LLM writer
  //! falls back to the task's offline text and says why (also when `on_chunk` stopped it).
  virtual WrittenText Write(const WritingTask& task, const ChunkCallback& on_chunk = nullptr) const = 0;
};

//! The default writer: returns the offline text as it is.
class OfflineWriter : public TextWriter {
 public:
  std::string name() const override { return "offline"; }
  WrittenText Write(const WritingTask& task, const ChunkCallback& on_chunk = nullptr) const override {
    if (on_chunk) on_chunk(task.offline_text);
    return {task.offline_text, "offline", true, ""};
  }
};

}  // namespace crm::llm
