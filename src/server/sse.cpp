#include "sse.h"

#include "http_json.h"

namespace crm::server {

std::string FormatEvent(std::string_view name, std::string_view data) {
  std::string event = "event: ";
  event.append(name).append("\ndata: ").append(data).append("\n\n");
  return event;
}

bool WriteEvent(httplib::DataSink& sink, std::string_view name, std::string_view data) {
  const std::string event = FormatEvent(name, data);
  return sink.is_writable() && sink.write(event.data(), event.size());
}

bool DeltaWriter::operator()(std::string_view text) {
  const auto now = std::chrono::steady_clock::now();
  if (text.empty()) {
    if (now - last_write_ < keep_alive_interval_) return true;
    last_write_ = now;
    constexpr std::string_view kKeepAlive = ": keep-alive\n\n";
    return sink_->is_writable() && sink_->write(kKeepAlive.data(), kKeepAlive.size());
  }
  last_write_ = now;
  for (const std::string& piece : SplitText(text, kDeltaBytes)) {
    if (!WriteEvent(*sink_, "delta", DumpJson({{"text", piece}}))) return false;
  }
  return true;
}

std::vector<std::string> SplitText(std::string_view text, size_t max_bytes) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = std::min(text.size(), start + max_bytes);
    // Back up to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
    while (end < text.size() && end > start && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    if (end == start) {  // one character longer than max_bytes
      end = start + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    }
    pieces.emplace_back(text.substr(start, end - start));
    start = end;
  }
  return pieces;
}

}  // namespace crm::server
