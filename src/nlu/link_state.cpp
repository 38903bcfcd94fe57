#include "crm/nlu/link_state.h"

#include <algorithm>

namespace crm::nlu {

namespace {

bool IsMasked(const std::string& key) {
  const auto& keys = MaskedEntityKeys();
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

}  // namespace

LinkState::LinkState(std::string_view text)
    : text_(text), tokens_(Tokenize(text)), taken_(tokens_.size(), false) {}

const std::string& LinkState::Key(size_t i) const {
  static const std::string kNone;
  return i < tokens_.size() ? tokens_[i].key : kNone;
}

const std::string& LinkState::KeyAt(size_t i, long offset) const {
  const long at = static_cast<long>(i) + offset;
  return Key(at < 0 ? tokens_.size() : static_cast<size_t>(at));
}

size_t LinkState::FreeRun(size_t i) const {
  size_t count = 0;
  while (Free(i + count)) ++count;
  return count;
}

void LinkState::Claim(size_t first, size_t count, std::string key, std::string value, double score) {
  Block(first, count);
  spans_.push_back(EntitySpan{std::move(key), std::move(value), tokens_[first].begin,
                              tokens_[first + count - 1].end, score});
}

void LinkState::Block(size_t first, size_t count) {
  for (size_t i = first; i < first + count; ++i) taken_[i] = true;
}

LinkedQuery LinkState::Finish() const {
  LinkedQuery query;
  query.spans = spans_;
  std::sort(query.spans.begin(), query.spans.end(),
            [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  query.conditions = conditions_;
  size_t copied = 0;
  for (const EntitySpan& span : query.spans) {
    if (!IsMasked(span.key)) continue;
    query.masked_text.append(text_.substr(copied, span.begin - copied));
    query.masked_text.append(MaskToken(span.key));
    copied = span.end;
  }
  query.masked_text.append(text_.substr(copied));
  return query;
}

}  // namespace crm::nlu
