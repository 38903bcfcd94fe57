#include "crm/search/hashed_ngram_embedder.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "crm/search/text_folding.h"

namespace crm::search {

namespace {

//! IDF buckets: features are counted modulo this power of two.
constexpr size_t kIdfBuckets = size_t{1} << 18;
constexpr float kWordWeight = 1.0f;
constexpr float kCharWeight = 0.7f;
constexpr uint64_t kWordSeed = 0x5157'4f52'4455'4e49ull;

//! FNV-1a over `bytes` from `seed`, finished with a SplitMix64 round so that every bit depends on all.
uint64_t Hash(std::string_view bytes, uint64_t seed) {
  uint64_t hash = 0xCBF29CE484222325ull ^ seed;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ull;
  }
  hash ^= hash >> 30;
  hash *= 0xBF58476D1CE4E5B9ull;
  hash ^= hash >> 27;
  hash *= 0x94D049BB133111EBull;
  return hash ^ (hash >> 31);
}

}  // namespace

HashedNgramEmbedder::HashedNgramEmbedder(size_t dimension) : dimension_(dimension) {}

std::string HashedNgramEmbedder::name() const { return "hashed-ngrams-v1"; }

std::vector<HashedNgramEmbedder::Feature> HashedNgramEmbedder::Features(std::string_view text) {
  std::vector<Feature> features;
  std::string padded;
  for (const std::string& word : Words(text)) {
    features.push_back({Hash(word, kWordSeed), kWordWeight});
    // Boundary marks make prefixes and suffixes features of their own ("^ko", "ex$").
    padded.assign(1, '^');
    padded += word;
    padded += '$';
    for (size_t n = 3; n <= 4; ++n) {
      for (size_t at = 0; at + n <= padded.size(); ++at) {
        features.push_back({Hash(std::string_view(padded).substr(at, n), n), kCharWeight});
      }
    }
  }
  return features;
}

void HashedNgramEmbedder::Fit(std::span<const std::string_view> documents) {
  std::vector<uint32_t> document_frequency(kIdfBuckets, 0);
  std::vector<uint32_t> buckets;
  for (const std::string_view document : documents) {
    buckets.clear();
    for (const Feature& feature : Features(document)) buckets.push_back(feature.hash & (kIdfBuckets - 1));
    std::sort(buckets.begin(), buckets.end());
    buckets.erase(std::unique(buckets.begin(), buckets.end()), buckets.end());
    for (const uint32_t bucket : buckets) ++document_frequency[bucket];
  }
  const double total = static_cast<double>(documents.size());
  idf_.resize(kIdfBuckets);
  for (size_t bucket = 0; bucket < kIdfBuckets; ++bucket) {
    idf_[bucket] = static_cast<float>(std::log((1.0 + total) / (1.0 + document_frequency[bucket])) + 1.0);
  }
}

std::string HashedNgramEmbedder::SaveState() const {
  std::string state(idf_.size() * sizeof(float), '\0');
  if (!idf_.empty()) std::memcpy(state.data(), idf_.data(), state.size());
  return state;
}

Status HashedNgramEmbedder::LoadState(std::string_view state) {
  if (state.empty()) {
    idf_.clear();
    return Status::Ok();
  }
  if (state.size() != kIdfBuckets * sizeof(float)) {
    return Error{"the saved IDF table has " + std::to_string(state.size()) + " bytes, not " +
                 std::to_string(kIdfBuckets * sizeof(float))};
  }
  idf_.resize(kIdfBuckets);
  std::memcpy(idf_.data(), state.data(), state.size());
  return Status::Ok();
}

void HashedNgramEmbedder::Embed(std::string_view text, std::span<float> out) const {
  std::fill(out.begin(), out.end(), 0.0f);
  for (const Feature& feature : Features(text)) {
    const float idf = idf_.empty() ? 1.0f : idf_[feature.hash & (kIdfBuckets - 1)];
    // The high bits choose the sign, so that collisions cancel on average instead of piling up.
    const float sign = (feature.hash >> 63) != 0 ? -1.0f : 1.0f;
    out[(feature.hash >> 20) % dimension_] += sign * feature.weight * idf;
  }
  double norm = 0.0;
  for (const float value : out) norm += static_cast<double>(value) * value;
  if (norm == 0.0) return;
  const auto scale = static_cast<float>(1.0 / std::sqrt(norm));
  for (float& value : out) value *= scale;
}

}  // namespace crm::search
