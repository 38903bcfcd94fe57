#include "crm/ingest/text_cleaning.h"

#include <algorithm>
#include <vector>

namespace crm::ingest {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string_view Trim(std::string_view value) {
  size_t begin = 0, end = value.size();
  while (begin < end && IsSpace(value[begin])) ++begin;
  while (end > begin && IsSpace(value[end - 1])) --end;
  return value.substr(begin, end - begin);
}

std::string ToLowerAscii(std::string_view value) {
  std::string lower(value);
  std::transform(lower.begin(), lower.end(), lower.begin(), LowerAscii);
  return lower;
}

std::string MatchKey(std::string_view value) {
  std::string key;
  key.reserve(value.size());
  for (char c : value) {
    const char lower = LowerAscii(c);
    const bool alnum = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    // Bytes of multi-byte UTF-8 characters are kept so that non-ASCII names still compare.
    if (alnum || static_cast<unsigned char>(c) >= 0x80) key.push_back(lower);
  }
  return key;
}

int TypoTolerance(size_t length) {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

bool IsLowerCase(std::string_view value) {
  bool letter = false;
  for (char c : value) {
    if (c >= 'A' && c <= 'Z') return false;
    letter = letter || (c >= 'a' && c <= 'z');
  }
  return letter;
}

}  // namespace crm::ingest
