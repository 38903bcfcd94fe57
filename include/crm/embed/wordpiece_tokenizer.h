#pragma once
// BERT's WordPiece tokenizer: basic tokenization (cleaning, lower-casing, accent stripping, punctuation
// and CJK splitting), then greedy longest-match word pieces from vocab.txt.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/common/result.h"

namespace crm::embed {

//! Turns text into the input ids of a BERT model: [CLS] pieces… [SEP], truncated to a maximum length.
class WordPieceTokenizer {
 public:
  //! Reads vocab.txt (one piece a line, the id is the line number); an Error when it cannot be read or
  //! lacks [UNK], [CLS] or [SEP]. `lower_case` also strips accents; `max_length` counts [CLS] and [SEP].
  static Result<WordPieceTokenizer> Load(const std::string& vocab_path, bool lower_case, size_t max_length);

  //! The ids of `text`: [CLS], its word pieces (at most max_length - 2), [SEP].
  std::vector<int32_t> Encode(std::string_view text) const;
  //! The words of the basic tokenization (before word pieces), as UTF-8.
  std::vector<std::string> BasicTokens(std::string_view text) const;
  //! Number of pieces in the vocabulary.
  size_t vocab_size() const { return ids_.size(); }

 private:
  WordPieceTokenizer() = default;
  //! Appends the word pieces of one basic token, or [UNK] when it cannot be split or is too long.
  void AppendWordPieces(const std::string& word, std::vector<int32_t>& ids) const;

  std::unordered_map<std::string, int32_t> ids_;
  int32_t unknown_ = 0, classify_ = 0, separator_ = 0;
  bool lower_case_ = true;
  size_t max_length_ = 0;
};

}  // namespace crm::embed
