#pragma once
// Timestamps as the store records them: ISO 8601 in UTC, to the second.

#include <chrono>
#include <string>

namespace crm::store {

//! `time` as ISO 8601 UTC, e.g. "2024-05-01T12:34:56Z".
std::string FormatUtcTimestamp(std::chrono::system_clock::time_point time);

//! The current time as ISO 8601 UTC.
inline std::string UtcTimestampNow() { return FormatUtcTimestamp(std::chrono::system_clock::now()); }

}  // namespace crm::store
