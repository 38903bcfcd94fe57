#include "crm/common/text_folding.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

#include "crm/common/utf8.h"

namespace crm {

namespace {

//! Only the well-formed UTF-8 sequences of `text`.
std::string ValidUtf8(std::string_view text) {
  std::string valid;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  for (utf8proc_ssize_t at = 0; at < size;) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code_point);
    if (length > 0) {
      valid.append(text.substr(static_cast<size_t>(at), static_cast<size_t>(length)));
      at += length;
    } else {
      ++at;
    }
  }
  return valid;
}

}  // namespace

std::string FoldText(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    std::string folded(text);
    for (char& c : folded) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return folded;
  }
  const std::string valid = IsValidUtf8(text) ? std::string(text) : ValidUtf8(text);
  utf8proc_uint8_t* mapped = nullptr;
  const auto options =
      static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
                                     UTF8PROC_CASEFOLD | UTF8PROC_LUMP | UTF8PROC_IGNORE);
  const utf8proc_ssize_t length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
                                               static_cast<utf8proc_ssize_t>(valid.size()), &mapped, options);
  std::string folded = length < 0 ? std::string() : std::string(reinterpret_cast<char*>(mapped), length);
  std::free(mapped);
  return folded;
}

bool IsWordCodePoint(int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

}  // namespace crm
