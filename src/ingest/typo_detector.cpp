#include "crm/ingest/typo_detector.h"

#include <optional>

#include "crm/common/edit_distance.h"
#include "crm/ingest/text_cleaning.h"

namespace crm::ingest {

namespace {

//! The best correction found so far for one value.
struct Candidate {
  std::string target;
  int distance = 0;
  bool ambiguous = false;
};

// Keeps the closest target; two different words at the same distance make the fix ambiguous. A target
// found in the column wins over the same word from the vocabulary, keeping the column's spelling.
void Consider(std::optional<Candidate>& best, std::string target, int distance, bool from_column) {
  if (!best || distance < best->distance) {
    best = Candidate{std::move(target), distance, false};
  } else if (distance == best->distance) {
    if (ToLowerAscii(best->target) != ToLowerAscii(target)) {
      best->ambiguous = true;
    } else if (from_column) {
      best->target = std::move(target);
    }
  }
}

bool IsVocabularyWord(std::string_view lower_value, std::span<const std::string_view> vocabulary) {
  for (std::string_view word : vocabulary) {
    if (ToLowerAscii(word) == lower_value) return true;
  }
  return false;
}

}  // namespace

std::map<std::string, std::string> FindTypos(const std::map<std::string, int64_t>& counts,
                                             const TypoPolicy& policy) {
  std::map<std::string, std::string> fixes;
  for (const auto& [value, count] : counts) {
    const std::string lower = ToLowerAscii(value);
    const int tolerance = TypoTolerance(value.size());
    if (tolerance == 0 || IsVocabularyWord(lower, policy.vocabulary)) continue;
    std::optional<Candidate> best;
    for (std::string_view word : policy.vocabulary) {
      const int distance = EditDistance(lower, ToLowerAscii(word), tolerance);
      if (distance > tolerance) continue;
      Consider(best, IsLowerCase(value) ? ToLowerAscii(word) : std::string(word), distance, false);
    }
    for (const auto& [other, other_count] : counts) {
      if (other == value || other_count < policy.frequency_ratio * count) continue;
      const int distance = EditDistance(lower, ToLowerAscii(other), tolerance);
      if (distance <= tolerance) Consider(best, other, distance, true);
    }
    if (best && !best->ambiguous && best->target != value) fixes.emplace(value, best->target);
  }
  return fixes;
}

}  // namespace crm::ingest
