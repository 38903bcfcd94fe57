#pragma once
// The working state of linking one question: its words, which of them are taken, and what was found.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "crm/nlu/linked_query.h"
#include "crm/nlu/tokenizer.h"

namespace crm::nlu {

//! Words of a question that the finders (periods, names, numbers, …) claim one phrase at a time; a word
//! claimed once is never looked at again, so the order of the finders sets their precedence.
class LinkState {
 public:
  //! Tokenizes `text`, which must outlive the state.
  explicit LinkState(std::string_view text);

  //! The words of the question.
  const std::vector<Token>& tokens() const { return tokens_; }
  //! Number of words.
  size_t size() const { return tokens_.size(); }
  //! The key of word `i` ("" outside the question), for looking at neighbours.
  const std::string& Key(size_t i) const;
  //! The key of the word `offset` places away from `i` ("" outside the question).
  const std::string& KeyAt(size_t i, long offset) const;
  //! True when word `i` exists and is not claimed yet.
  bool Free(size_t i) const { return i < taken_.size() && !taken_[i]; }
  //! Number of consecutive free words starting at `i`.
  size_t FreeRun(size_t i) const;

  //! Claims words [first, first + count) for an entity.
  void Claim(size_t first, size_t count, std::string key, std::string value, double score = 1);
  //! Claims words without an entity (parts of a numeric condition, an ambiguous name).
  void Block(size_t first, size_t count);
  //! Records a numeric condition on accounts.
  void AddCondition(NumericCondition condition) { conditions_.push_back(condition); }

  //! The spans in text order, the conditions and the masked text.
  LinkedQuery Finish() const;

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<bool> taken_;
  std::vector<EntitySpan> spans_;
  std::vector<NumericCondition> conditions_;
};

}  // namespace crm::nlu
