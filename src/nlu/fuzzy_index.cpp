#include "crm/nlu/fuzzy_index.h"

#include <algorithm>
#include <cstdlib>

#include "crm/common/edit_distance.h"

namespace crm::nlu {

int AllowedEdits(size_t length) {
  if (length < 4) return 0;
  return length < 8 ? 1 : 2;
}

std::vector<uint16_t> FuzzyIndex::Bigrams(std::string_view key) {
  std::vector<uint16_t> codes;
  codes.reserve(key.size() + 1);
  unsigned char previous = '^';
  for (size_t i = 0; i <= key.size(); ++i) {
    const unsigned char next = i < key.size() ? static_cast<unsigned char>(key[i]) : '$';
    codes.push_back(static_cast<uint16_t>(previous << 8 | next));
    previous = next;
  }
  std::sort(codes.begin(), codes.end());
  codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
  return codes;
}

void FuzzyIndex::Add(std::string_view key, int32_t id) {
  if (postings_.empty()) postings_.resize(1 << 16);
  const auto slot = static_cast<int32_t>(keys_.size());
  keys_.emplace_back(key);
  ids_.push_back(id);
  for (uint16_t code : Bigrams(key)) postings_[code].push_back(slot);
}

FuzzyHits FuzzyIndex::Closest(std::string_view query) const {
  FuzzyHits hits;
  const int limit = AllowedEdits(query.size());
  if (limit == 0 || keys_.empty()) return hits;
  const std::vector<uint16_t> bigrams = Bigrams(query);
  const int needed = static_cast<int>(bigrams.size()) - 3 * limit;
  std::vector<uint8_t> shared(keys_.size(), 0);
  std::vector<int32_t> candidates;
  for (uint16_t code : bigrams) {
    for (int32_t slot : postings_[code]) {
      if (shared[slot] < 255 && ++shared[slot] == std::max(needed, 1)) candidates.push_back(slot);
    }
  }
  hits.distance = limit + 1;
  for (int32_t slot : candidates) {
    const std::string& key = keys_[slot];
    const int key_limit = std::min(limit, AllowedEdits(key.size()));
    if (key_limit == 0 ||
        std::abs(static_cast<int>(key.size()) - static_cast<int>(query.size())) > key_limit) {
      continue;
    }
    const int distance = EditDistance(query, key, key_limit);
    if (distance > key_limit || distance > hits.distance) continue;
    if (distance < hits.distance) {
      hits.distance = distance;
      hits.ids.clear();
    }
    hits.ids.push_back(ids_[slot]);
  }
  return hits;
}

}  // namespace crm::nlu
