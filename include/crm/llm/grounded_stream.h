#pragma once
// Streams an answer to the user one checked sentence at a time: text is released only once every number
// in it is backed by the facts, so no unchecked number is ever shown, even while streaming.

#include <string>
#include <string_view>
#include <vector>

#include "crm/llm/fact_index.h"
#include "crm/llm/grounding.h"
#include "crm/llm/writing_task.h"

namespace crm::llm {

//! Collects an answer's pieces and releases them to a callback sentence by sentence, checked.
class GroundedStream {
 public:
  //! Checks against `facts` and releases to `on_chunk` (may be empty); both must outlive the stream.
  GroundedStream(const FactIndex& facts, const ChunkCallback& on_chunk)
      : facts_(facts), on_chunk_(on_chunk) {}

  //! Adds a piece; releases every complete sentence (ended by ". ", "! ", "? " or a newline) whose
  //! numbers all match. False once a number fails or the callback says stop: nothing more is released.
  //! An empty piece, and a piece that completes no sentence, ask the reader (an empty piece) whether
  //! to go on.
  bool Append(std::string_view piece);
  //! Checks and releases the rest of the answer; false when a number fails or the callback says stop.
  bool Finish();

  //! The whole answer received so far.
  const std::string& text() const { return text_; }
  //! True when any text was released to the callback.
  bool released_any() const { return released_ > 0; }
  //! True when the callback refused a piece (the reader went away).
  bool stopped() const { return stopped_; }
  //! The result of the last check (covering the released text and the failing sentence, if any).
  const GroundingResult& grounding() const { return grounding_; }

 private:
  bool ReleaseUpTo(size_t end);

  const FactIndex& facts_;
  const ChunkCallback& on_chunk_;
  std::string text_;
  size_t released_ = 0;
  bool stopped_ = false;
  GroundingResult grounding_;
};

}  // namespace crm::llm
