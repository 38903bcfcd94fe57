#include "crm/embed/wordpiece_tokenizer.h"

#include <utf8proc.h>

#include <fstream>

namespace crm::embed {

namespace {

constexpr size_t kMaxWordChars = 100;  // longer words are [UNK], as in BERT

bool IsWhitespace(int32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  const utf8proc_category_t category = utf8proc_category(c);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
         category == UTF8PROC_CATEGORY_ZP;
}

bool IsControl(int32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
      return true;
    default:
      return false;
  }
}

bool IsPunctuation(int32_t c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
    return true;
  }
  const utf8proc_category_t category = utf8proc_category(c);
  return category >= UTF8PROC_CATEGORY_PC && category <= UTF8PROC_CATEGORY_PO;
}

bool IsCjk(int32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

void AppendUtf8(int32_t c, std::string& out) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t length = utf8proc_encode_char(c, buffer);
  out.append(reinterpret_cast<const char*>(buffer), length);
}

//! The code points of `text`; invalid bytes become U+FFFD (which cleaning drops, as BERT does).
std::vector<int32_t> CodePoints(std::string_view text) {
  std::vector<int32_t> points;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (size_t i = 0; i < text.size();) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t length = utf8proc_iterate(bytes + i, text.size() - i, &c);
    if (length <= 0) {
      points.push_back(0xFFFD);
      ++i;
    } else {
      points.push_back(c);
      i += length;
    }
  }
  return points;
}

//! Lower-cases `c` and appends its canonical decomposition without non-spacing marks (accents).
void AppendFolded(int32_t c, std::vector<int32_t>& out) {
  utf8proc_int32_t decomposed[32];
  int boundclass = 0;
  const utf8proc_ssize_t length =
      utf8proc_decompose_char(utf8proc_tolower(c), decomposed, 32, UTF8PROC_DECOMPOSE, &boundclass);
  if (length <= 0 || length > 32) {
    out.push_back(utf8proc_tolower(c));
    return;
  }
  for (utf8proc_ssize_t i = 0; i < length; ++i) {
    if (utf8proc_category(decomposed[i]) != UTF8PROC_CATEGORY_MN) out.push_back(decomposed[i]);
  }
}

}  // namespace

Result<WordPieceTokenizer> WordPieceTokenizer::Load(const std::string& vocab_path, bool lower_case,
                                                    size_t max_length) {
  std::ifstream file(vocab_path);
  if (!file) return Error{"missing '" + vocab_path + "'"};
  WordPieceTokenizer tokenizer;
  tokenizer.lower_case_ = lower_case;
  tokenizer.max_length_ = max_length;
  std::string line;
  for (int32_t id = 0; std::getline(file, line); ++id) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    tokenizer.ids_.emplace(line, id);
  }
  const std::pair<const char*, int32_t*> specials[] = {
      {"[UNK]", &tokenizer.unknown_}, {"[CLS]", &tokenizer.classify_}, {"[SEP]", &tokenizer.separator_}};
  for (const auto& [piece, target] : specials) {
    const auto found = tokenizer.ids_.find(piece);
    if (found == tokenizer.ids_.end()) return Error{"'" + vocab_path + "' lacks " + piece};
    *target = found->second;
  }
  return tokenizer;
}

std::vector<std::string> WordPieceTokenizer::BasicTokens(std::string_view text) const {
  std::vector<std::string> tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(std::move(current));
    current.clear();
  };
  std::vector<int32_t> folded;
  for (int32_t c : CodePoints(text)) {
    if (c == 0 || c == 0xFFFD || IsControl(c)) continue;
    if (IsWhitespace(c)) {
      flush();
      continue;
    }
    folded.clear();
    if (lower_case_) {
      AppendFolded(c, folded);
    } else {
      folded.push_back(c);
    }
    for (int32_t f : folded) {
      if (IsPunctuation(f) || IsCjk(f)) {
        flush();
        AppendUtf8(f, current);
        flush();
      } else {
        AppendUtf8(f, current);
      }
    }
  }
  flush();
  return tokens;
}

void WordPieceTokenizer::AppendWordPieces(const std::string& word, std::vector<int32_t>& ids) const {
  std::vector<size_t> offsets;  // byte offset of every code point, then the word's length
  for (size_t i = 0; i < word.size(); ++i) {
    if ((static_cast<unsigned char>(word[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(word.size());
  const size_t chars = offsets.size() - 1;
  if (chars > kMaxWordChars) {
    ids.push_back(unknown_);
    return;
  }
  const size_t first = ids.size();
  std::string piece;
  for (size_t start = 0; start < chars;) {
    size_t end = chars;
    int32_t found = -1;
    for (; end > start; --end) {
      piece.assign(start == 0 ? "" : "##");
      piece.append(word, offsets[start], offsets[end] - offsets[start]);
      const auto hit = ids_.find(piece);
      if (hit != ids_.end()) {
        found = hit->second;
        break;
      }
    }
    if (found < 0) {
      ids.resize(first);
      ids.push_back(unknown_);
      return;
    }
    ids.push_back(found);
    start = end;
  }
}

std::vector<int32_t> WordPieceTokenizer::Encode(std::string_view text) const {
  std::vector<int32_t> ids{classify_};
  for (const std::string& word : BasicTokens(text)) {
    AppendWordPieces(word, ids);
    if (ids.size() >= max_length_ - 1) break;
  }
  if (ids.size() > max_length_ - 1) ids.resize(max_length_ - 1);
  ids.push_back(separator_);
  return ids;
}

}  // namespace crm::embed
