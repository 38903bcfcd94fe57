#pragma once
// Resolves names written in one file (a deal's product, agent or account) to rows of a master table,
// tolerating spelling variants: letter case, spaces and punctuation ("GTXPro" → "GTX Pro"), or a typo.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/string_dictionary.h"
#include "crm/ingest/import_report.h"
#include "crm/ingest/text_interner.h"

namespace crm::ingest {

//! Maps raw names to master rows; remembers every spelling it resolved so it can report them.
class ReferenceResolver {
 public:
  //! `names[i]` is the name of master row i.
  explicit ReferenceResolver(std::vector<std::string> names);

  //! The row `raw` refers to, or kNoIndex when it matches no row unambiguously.
  int32_t Resolve(std::string_view raw) {
    if (raw != last_raw_) {  // rows of one deal or account often follow each other: skip the hash
      last_answer_ = AnswerFor(raw);
      last_raw_.assign(raw);
    }
    if (last_answer_.variant >= 0) ++variants_[last_answer_.variant].count;
    return last_answer_.row;
  }

  //! Adds the spellings resolved by `part`, a resolver of the same names that read a later part of the
  //! same file, with their counts, as if this resolver had read that part too.
  void Absorb(const ReferenceResolver& part);

  //! Adds one "reference" cleaning entry per spelling variant that was resolved.
  void ReportVariants(const std::string& file, const std::string& field,
                      std::vector<CleaningEntry>& cleaning) const;

 private:
  //! A cached answer: the row, and the variant slot when the spelling was not exact.
  struct Answer {
    int32_t row = kNoIndex;
    int32_t variant = -1;
  };
  //! A non-exact spelling and how often it was used.
  struct Variant {
    std::string from;
    int32_t row;
    int64_t count = 0;
  };

  //! The cached answer for a spelling, looked up on first use.
  const Answer& AnswerFor(std::string_view raw) {
    const auto code = static_cast<size_t>(spellings_.Intern(raw));
    if (code == answers_.size()) answers_.push_back(Lookup(raw));
    return answers_[code];
  }
  Answer Lookup(std::string_view raw);

  std::vector<std::string> names_;
  std::vector<std::string> keys_;  //!< MatchKey of each name
  TextInterner spellings_;         //!< every spelling seen (the exact names first)
  std::vector<Answer> answers_;    //!< the answer for each spelling, by its code
  std::string last_raw_;           //!< the spelling resolved last, and its answer
  Answer last_answer_;
  std::vector<Variant> variants_;
};

//! The `name` member of every row, in order: the names a ReferenceResolver resolves against.
template <typename Rows>
std::vector<std::string> NamesOf(const Rows& rows) {
  std::vector<std::string> names;
  names.reserve(rows.size());
  for (const auto& row : rows) names.push_back(row.name);
  return names;
}

}  // namespace crm::ingest
