#include "crm/common/utf8.h"

#include <cstdint>
#include <cstring>

namespace crm {

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

// Length of the multi-byte sequence that starts with `lead` (0 when `lead` cannot start one) and the
// allowed range of its second byte, per the Unicode standard's table of well-formed byte sequences.
struct LeadByte {
  int length;
  unsigned char second_min;
  unsigned char second_max;
};

LeadByte ClassifyLead(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};  // excludes overlong forms
  if (lead == 0xED) return {3, 0x80, 0x9F};  // excludes surrogates
  if (lead >= 0xE1 && lead <= 0xEF) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};  // excludes overlong forms
  if (lead >= 0xF1 && lead <= 0xF3) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};  // excludes code points above U+10FFFF
  return {0, 0, 0};
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & kHighBits) == 0) {
        p += 8;
        continue;
      }
    }
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const LeadByte lead = ClassifyLead(*p);
    if (lead.length == 0 || end - p < lead.length) return false;
    if (p[1] < lead.second_min || p[1] > lead.second_max) return false;
    for (int i = 2; i < lead.length; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
    }
    p += lead.length;
  }
  return true;
}

size_t Utf8Length(std::string_view text) {
  size_t length = 0;
  for (const char byte : text) length += (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
  return length;
}

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + *pos;
  const size_t left = text.size() - *pos;
  if (*p < 0x80) {
    ++*pos;
    return *p;
  }
  const LeadByte lead = ClassifyLead(*p);
  bool good = lead.length != 0 && left >= static_cast<size_t>(lead.length) && p[1] >= lead.second_min &&
              p[1] <= lead.second_max;
  for (int i = 2; good && i < lead.length; ++i) good = (p[i] & 0xC0) == 0x80;
  if (!good) {
    ++*pos;
    return kMalformedUtf8;
  }
  char32_t code = *p & (0x7F >> lead.length);
  for (int i = 1; i < lead.length; ++i) code = (code << 6) | (p[i] & 0x3F);
  *pos += lead.length;
  return code;
}

std::string ToValidUtf8(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string valid;
  valid.reserve(text.size() + 8);
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    if (DecodeUtf8(text, &pos) == kMalformedUtf8) {
      valid += "\xEF\xBF\xBD";
    } else {
      valid.append(text.substr(start, pos - start));
    }
  }
  return valid;
}

}  // namespace crm
