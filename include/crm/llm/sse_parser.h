#pragma once
// Server-sent events: turns a byte stream, split anywhere across network reads, into events.

#include <functional>
#include <string>
#include <string_view>

namespace crm::llm {

//! One dispatched event: its type ("message" when the stream names none) and its data lines joined by '\n'.
struct SseEvent {
  std::string event;
  std::string data;
};

//! Receives events as they complete.
using SseHandler = std::function<void(const SseEvent& event)>;

//! An incremental SSE parser: lines end in LF, CRLF or CR; `event:` and `data:` fields build an event, a
//! blank line dispatches it, `:` lines are comments, other fields are ignored.
class SseParser {
 public:
  //! Parses the next piece of the stream, calling `on_event` for every event it completes.
  void Feed(std::string_view chunk, const SseHandler& on_event);

 private:
  void ProcessLine(std::string_view line, const SseHandler& on_event);

  std::string line_;       //!< the incomplete line carried over from the previous chunk
  bool after_cr_ = false;  //!< the previous chunk ended in CR: a leading LF belongs to that line end
  std::string event_;      //!< the event type being built
  std::string data_;       //!< the data being built
  bool has_data_ = false;  //!< a data field was seen since the last dispatch
};

}  // namespace crm::llm
