#include "crm/llm/sse_parser.h"

namespace crm::llm {

void SseParser::Feed(std::string_view chunk, const SseHandler& on_event) {
  if (after_cr_ && !chunk.empty()) {
    if (chunk.front() == '\n') chunk.remove_prefix(1);
    after_cr_ = false;
  }
  while (!chunk.empty()) {
    const size_t end = chunk.find_first_of("\r\n");
    if (end == std::string_view::npos) {
      line_ += chunk;
      return;
    }
    line_ += chunk.substr(0, end);
    const bool cr = chunk[end] == '\r';
    chunk.remove_prefix(end + 1);
    if (cr) {
      if (chunk.empty())
        after_cr_ = true;
      else if (chunk.front() == '\n')
        chunk.remove_prefix(1);
    }
    const std::string line = std::move(line_);
    line_.clear();
    ProcessLine(line, on_event);
  }
}

void SseParser::ProcessLine(std::string_view line, const SseHandler& on_event) {
  if (line.empty()) {
    if (has_data_) on_event({event_.empty() ? "message" : event_, data_});
    event_.clear();
    data_.clear();
    has_data_ = false;
    return;
  }
  if (line.front() == ':') return;
  const size_t colon = line.find(':');
  const std::string_view field = line.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? std::string_view{} : line.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "event") {
    event_ = value;
  } else if (field == "data") {
    if (has_data_) data_ += '\n';
    data_ += value;
    has_data_ = true;
  }
}

}  // namespace crm::llm
