#include "crm/llm/grounded_stream.h"

namespace crm::llm {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

//! The end of the last complete sentence in `text` after `from`, or `from` when there is none.
size_t LastSentenceEnd(std::string_view text, size_t from) {
  for (size_t i = text.size(); i > from; --i) {
    const char c = text[i - 1];
    if (c == '\n') return i;
    if (IsSpace(c) && i >= 2 && (text[i - 2] == '.' || text[i - 2] == '!' || text[i - 2] == '?')) return i;
  }
  return from;
}

}  // namespace

bool GroundedStream::Append(std::string_view piece) {
  if (!grounding_.ok || stopped_) return false;
  if (piece.empty()) {  // asks whether the reader is still there
    stopped_ = on_chunk_ && !on_chunk_(piece);
    return !stopped_;
  }
  text_ += piece;
  const size_t end = LastSentenceEnd(text_, released_);
  // nothing to release yet: ask whether the reader is still there, so that the work can stop early
  return end > released_ ? ReleaseUpTo(end) : Append("");
}

bool GroundedStream::Finish() { return grounding_.ok && !stopped_ && ReleaseUpTo(text_.size()); }

bool GroundedStream::ReleaseUpTo(size_t end) {
  if (end <= released_) return true;
  // the whole prefix is checked each time, so a sentence is read exactly as in the finished text
  grounding_ = CheckGrounding(std::string_view(text_).substr(0, end), facts_);
  if (!grounding_.ok) return false;
  const std::string_view piece = std::string_view(text_).substr(released_, end - released_);
  released_ = end;
  stopped_ = on_chunk_ && !on_chunk_(piece);
  return !stopped_;
}

}  // namespace crm::llm
