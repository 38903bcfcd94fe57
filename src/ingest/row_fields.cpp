#include "crm/ingest/row_fields.h"

#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "crm/common/date.h"
#include "crm/data/dataset.h"
#include "crm/ingest/field_parsers.h"

namespace crm::ingest {

namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// ParseIsoDate behind a small direct-mapped cache: a CRM file repeats a few thousand distinct dates
// millions of times.
std::optional<int32_t> ParseIsoDateCached(std::string_view text) {
  if (text.size() != 10) return ParseIsoDate(text);
  //! One remembered date: its ten characters and its day number.
  struct Entry {
    uint64_t head = 0;
    uint16_t tail = 0;
    int32_t day = kNoDay;
  };
  thread_local std::array<Entry, 4096> cache{};
  uint64_t head;
  uint16_t tail;
  std::memcpy(&head, text.data(), 8);
  std::memcpy(&tail, text.data() + 8, 2);
  Entry& entry = cache[((head ^ (head >> 29) ^ (uint64_t{tail} << 7)) * 0x9E3779B97F4A7C15ull) >> 52];
  if (entry.day != kNoDay && entry.head == head && entry.tail == tail) return entry.day;
  const auto day = ParseIsoDate(text);
  if (day) entry = Entry{head, tail, *day};
  return day;
}

}  // namespace

bool RequireValue(TableReader& reader, size_t column, std::string_view text) {
  if (!text.empty()) return true;
  reader.Problem(column, "is empty");
  return false;
}

// Parses an optional non-negative value with `parse`; `missing` when empty, a problem naming `kind`
// when it does not parse or is negative.
template <typename T, typename Parse>
bool ParseOptionalNonNegative(TableReader& reader, size_t column, std::string_view text, T missing,
                              Parse parse, const char* kind, T& out) {
  out = missing;
  if (text.empty()) return true;
  const std::optional<T> value = parse(text);
  if (!value) {
    reader.Problem(column, Quoted(text) + " is not " + kind);
    return false;
  }
  if (*value < 0) {
    reader.Problem(column, Quoted(text) + " is negative");
    return false;
  }
  out = *value;
  return true;
}

bool ParseOptionalAmount(TableReader& reader, size_t column, std::string_view text, double& out) {
  return ParseOptionalNonNegative(reader, column, text, kNoNumber, ParseDecimal, "a number", out);
}

bool ParseOptionalCount(TableReader& reader, size_t column, std::string_view text, int64_t& out) {
  return ParseOptionalNonNegative(reader, column, text, kNoInteger, ParseWholeNumber, "a whole number", out);
}

bool ParseOptionalDate(TableReader& reader, size_t column, std::string_view text, int32_t& out) {
  out = kNoDay;
  if (text.empty()) return true;
  const auto day = ParseIsoDateCached(text);
  if (!day) {
    reader.Problem(column, Quoted(text) + " is not a date (YYYY-MM-DD)");
    return false;
  }
  out = *day;
  return true;
}

}  // namespace crm::ingest
