#include "crm/export/file_name.h"

#include <cctype>

#include "crm/common/utf8.h"

namespace crm::exports {

namespace {

//! Longest stem of a file name, in ASCII characters or code points.
constexpr size_t kMaxStem = 80;

bool KeptInAscii(unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; }

//! RFC 5987 attr-char: sent as it is in filename*.
bool IsAttrChar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

//! The title as a UTF-8 stem: valid, without control characters or path separators, trimmed and cut.
std::string Utf8Stem(std::string_view title) {
  const std::string valid = ToValidUtf8(title);
  std::string stem;
  size_t pos = 0;
  for (size_t chars = 0; pos < valid.size() && chars < kMaxStem; ++chars) {
    const size_t start = pos;
    const char32_t code = DecodeUtf8(valid, &pos);
    if (code < 0x20 || code == 0x7F || code == '/' || code == '\\' || code == '"') {
      stem += '_';
    } else {
      stem.append(valid, start, pos - start);
    }
  }
  while (!stem.empty() && (stem.back() == ' ' || stem.back() == '.')) stem.pop_back();
  while (!stem.empty() && (stem.front() == ' ' || stem.front() == '.')) stem.erase(0, 1);
  return stem.empty() ? "export" : stem;
}

}  // namespace

std::string SafeFileName(std::string_view title, std::string_view extension) {
  std::string stem;
  for (const char c : title) {
    if (stem.size() >= kMaxStem) break;
    if (KeptInAscii(static_cast<unsigned char>(c))) {
      stem += c;
    } else if (!stem.empty() && stem.back() != '-') {
      stem += '-';
    }
  }
  while (!stem.empty() && (stem.back() == '-' || stem.back() == '.')) stem.pop_back();
  while (!stem.empty() && stem.front() == '.') stem.erase(0, 1);
  return (stem.empty() ? "export" : stem) + "." + std::string(extension);
}

std::string ContentDisposition(std::string_view title, std::string_view extension) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : Utf8Stem(title) + "." + std::string(extension)) {
    if (IsAttrChar(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return "attachment; filename=\"" + SafeFileName(title, extension) + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace crm::exports
