#pragma once
// Server-sent events: framing one event, and cutting text into pieces to stream.

#include <httplib.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace crm::server {

//! Bytes of markdown per delta event.
inline constexpr size_t kDeltaBytes = 64;

//! The wire form of one event: "event: NAME\ndata: DATA\n\n"; `data` must hold no newline (JSON text).
std::string FormatEvent(std::string_view name, std::string_view data);
//! Writes one event; false when the client is gone.
bool WriteEvent(httplib::DataSink& sink, std::string_view name, std::string_view data);
//! Writes an answer's markdown as delta events ({"text": piece}, at most kDeltaBytes each). An empty
//! piece asks whether the client is still there: a comment line (": keep-alive") answers it, at most
//! once per interval (a write to a closed connection fails at the second attempt).
class DeltaWriter {
 public:
  //! Writes to `sink`, which must outlive the writer, with at least `keep_alive_interval` between
  //! keep-alive comments.
  explicit DeltaWriter(httplib::DataSink& sink,
                       std::chrono::milliseconds keep_alive_interval = std::chrono::milliseconds(500))
      : sink_(&sink), keep_alive_interval_(keep_alive_interval) {}
  //! Writes `text` (or maybe a keep-alive comment when it is empty); false when the client is gone.
  bool operator()(std::string_view text);

 private:
  httplib::DataSink* sink_;
  std::chrono::milliseconds keep_alive_interval_;
  std::chrono::steady_clock::time_point last_write_ = std::chrono::steady_clock::now();
};
//! `text` cut into pieces of at most `max_bytes` (more when one UTF-8 character is longer), never inside
//! a UTF-8 character; joined they give `text` back.
std::vector<std::string> SplitText(std::string_view text, size_t max_bytes);

}  // namespace crm::server
