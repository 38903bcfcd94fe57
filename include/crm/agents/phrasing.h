#pragma once
// The offline writer's grammar: alternative phrasings picked by a seeded choice (a hash of the subject's
// id and the section), so the same input always reads the same and different accounts read differently.

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace crm::agents {

//! Named values for the `{slot}` markers of a phrasing.
using Slots = std::vector<std::pair<std::string_view, std::string>>;

//! Replaces every `{name}` of `pattern` with its slot's value; an unknown slot is a bug (throws).
std::string Fill(std::string_view pattern, const Slots& slots);

//! Picks one of several phrasings, deterministically from a seed (e.g. an account name).
class Phrasing {
 public:
  //! Choices seeded by `seed`.
  explicit Phrasing(std::string_view seed);
  //! The index of the alternative for `section` among `count` (0 when count is 0).
  size_t Choose(std::string_view section, size_t count) const;
  //! The alternative chosen for `section`.
  std::string_view Pick(std::string_view section, std::initializer_list<std::string_view> options) const;
  //! The alternative chosen for `section`, with its slots filled.
  std::string Say(std::string_view section, std::initializer_list<std::string_view> options,
                  const Slots& slots) const;

 private:
  uint64_t seed_;
};

//! "an entertainment company" for "entertainment company": the indefinite article by the first letter.
std::string WithArticle(std::string_view phrase);

//! "a, b and c" for {"a", "b", "c"}; empty for none.
std::string JoinWords(const std::vector<std::string>& items, std::string_view last_separator = " and ");

}  // namespace crm::agents
