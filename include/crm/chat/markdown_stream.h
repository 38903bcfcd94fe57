#pragma once
// An answer's markdown on its way to a reader: the pieces sent while the answer is computed (the
// writer's text as it arrives), then what the finished answer adds, or a note that it differs.

#include <string>
#include <string_view>

#include "crm/llm/writing_task.h"

namespace crm::chat {

//! Streams one answer's markdown to a reader and remembers what it sent; one request, one thread.
class MarkdownStream {
 public:
  //! Streams to `reader`, which must outlive the stream.
  explicit MarkdownStream(const llm::ChunkCallback& reader);
  MarkdownStream(const MarkdownStream&) = delete;
  MarkdownStream& operator=(const MarkdownStream&) = delete;

  //! Sends `piece` (an empty one asks whether the reader is still there); false once the reader has
  //! stopped (nothing is sent after that).
  bool Send(std::string_view piece);
  //! Ends the stream with the finished `markdown`: when what was sent begins it, sends the rest and
  //! returns false; otherwise (the writer fell back after streaming, or the answer was reworded) sends
  //! nothing and returns true: the reader must replace what it showed with `markdown`.
  bool Finish(std::string_view markdown);

  //! True once the reader refused a piece.
  bool stopped() const { return stopped_; }
  //! Send as a callback, for writers.
  const llm::ChunkCallback& callback() const { return callback_; }

 private:
  const llm::ChunkCallback& reader_;
  llm::ChunkCallback callback_;
  std::string sent_;
  bool stopped_ = false;
};

}  // namespace crm::chat
