#include "crm/chat/markdown_stream.h"

namespace crm::chat {

MarkdownStream::MarkdownStream(const llm::ChunkCallback& reader)
    : reader_(reader), callback_([this](std::string_view piece) { return Send(piece); }) {}

bool MarkdownStream::Send(std::string_view piece) {
  if (stopped_) return false;
  sent_ += piece;
  stopped_ = !reader_(piece);
  return !stopped_;
}

bool MarkdownStream::Finish(std::string_view markdown) {
  if (!markdown.starts_with(sent_)) return true;
  if (markdown.size() > sent_.size()) Send(markdown.substr(sent_.size()));
  return false;
}

}  // namespace crm::chat
