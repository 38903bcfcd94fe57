#include "crm/search/text_folding.h"

#include <utf8proc.h>

namespace crm::search {

std::vector<std::string> Words(std::string_view text) {
  const std::string folded = FoldText(text);
  std::vector<std::string> words;
  std::string word;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
  const auto size = static_cast<utf8proc_ssize_t>(folded.size());
  for (utf8proc_ssize_t at = 0; at < size;) {
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + at, size - at, &code_point);
    if (IsWordCodePoint(code_point)) {
      word.append(folded, static_cast<size_t>(at), static_cast<size_t>(length));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    at += length;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace crm::search
