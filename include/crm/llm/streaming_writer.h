#pragma once
// One reader's view of a shared writer: every text it writes streams to the reader as it is written,
// and once the reader stops, nothing more is written (no further LLM call is made).

#include <atomic>

#include "crm/llm/writing_task.h"

namespace crm::llm {

//! A TextWriter for one request that streams through `inner` to the reader's callback.
class StreamingWriter : public TextWriter {
 public:
  //! Writes with `inner` and streams to `on_chunk`; both must outlive the writer.
  StreamingWriter(const TextWriter& inner, const ChunkCallback& on_chunk)
      : inner_(inner), on_chunk_(on_chunk) {}

  //! The inner writer's name.
  std::string name() const override { return inner_.name(); }
  //! Streams to the reader (and to `on_chunk` too when given); once the reader has stopped, returns the
  //! offline text at once, its fallback_reason saying so.
  WrittenText Write(const WritingTask& task, const ChunkCallback& on_chunk = nullptr) const override;

  //! True once the reader refused a piece.
  bool stopped() const { return stopped_; }

 private:
  const TextWriter& inner_;
  const ChunkCallback& on_chunk_;
  mutable std::atomic<bool> stopped_ = false;
};

}  // namespace crm::llm
