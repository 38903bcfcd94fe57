#pragma once
// Server-sent events: framing one event, and cutting text into pieces to stream.

#include <httplib.h>

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
//! Writes `text` as delta events ({"text": piece}) of at most kDeltaBytes each; false when the client is
//! gone.
bool WriteDeltas(httplib::DataSink& sink, std::string_view text);
//! `text` cut into pieces of at most `max_bytes` (more when one UTF-8 character is longer), never inside
//! a UTF-8 character; joined they give `text` back.
std::vector<std::string> SplitText(std::string_view text, size_t max_bytes);

}  // namespace crm::server
