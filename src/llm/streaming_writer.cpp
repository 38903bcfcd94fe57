#include "crm/llm/streaming_writer.h"

#include <string>

namespace crm::llm {

WrittenText StreamingWriter::Write(const WritingTask& task, const ChunkCallback& on_chunk) const {
  if (stopped_) return {task.offline_text, "offline", true, name() + ": " + std::string(kStoppedReason)};
  const ChunkCallback both = [this, &on_chunk](std::string_view piece) {
    const bool reader_goes_on = on_chunk_(piece);
    const bool caller_goes_on = !on_chunk || on_chunk(piece);
    stopped_ = stopped_ || !reader_goes_on;
    return reader_goes_on && caller_goes_on;
  };
  return inner_.Write(task, both);
}

}  // namespace crm::llm
