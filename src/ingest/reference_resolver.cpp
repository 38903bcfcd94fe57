#include "crm/ingest/reference_resolver.h"

#include "crm/common/edit_distance.h"
#include "crm/ingest/text_cleaning.h"

namespace crm::ingest {

ReferenceResolver::ReferenceResolver(std::vector<std::string> names) : names_(std::move(names)) {
  keys_.reserve(names_.size());
  for (size_t row = 0; row < names_.size(); ++row) {
    keys_.push_back(MatchKey(names_[row]));
    const auto code = static_cast<size_t>(spellings_.Intern(names_[row]));
    if (code == answers_.size()) answers_.emplace_back();
    answers_[code] = Answer{static_cast<int32_t>(row), -1};  // a repeated name: the last row, as before
  }
}

ReferenceResolver::Answer ReferenceResolver::Lookup(std::string_view raw) {
  const std::string key = MatchKey(raw);
  if (key.empty()) return {};
  int32_t best_row = kNoIndex;
  int best_distance = TypoTolerance(key.size()) + 1;
  bool ambiguous = false;
  for (size_t row = 0; row < keys_.size(); ++row) {
    const int distance = EditDistance(key, keys_[row], best_distance);
    if (distance < best_distance) {
      best_row = static_cast<int32_t>(row);
      best_distance = distance;
      ambiguous = false;
    } else if (distance == best_distance && best_row != kNoIndex) {
      ambiguous = true;
    }
  }
  if (best_row == kNoIndex || ambiguous) return {};
  variants_.push_back(Variant{std::string(raw), best_row, 0});
  return {best_row, static_cast<int32_t>(variants_.size() - 1)};
}

void ReferenceResolver::Absorb(const ReferenceResolver& part) {
  for (const Variant& variant : part.variants_) {
    const Answer answer = AnswerFor(variant.from);
    if (answer.variant >= 0) variants_[answer.variant].count += variant.count;
  }
}

void ReferenceResolver::ReportVariants(const std::string& file, const std::string& field,
                                       std::vector<CleaningEntry>& cleaning) const {
  for (const Variant& variant : variants_) {
    if (variant.count == 0) continue;
    cleaning.push_back({"reference", file, field, variant.from, names_[variant.row], variant.count});
  }
}

}  // namespace crm::ingest
