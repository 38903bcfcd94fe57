#pragma once
// Text normalisation and hashed sparse features (words, word pairs, character n-grams) for the
// intent classifier.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm::nlu {

//! Number of hashed feature slots (2^18); every feature index is below it.
inline constexpr uint32_t kFeatureSpace = 1u << 18;

//! The words of a text: Unicode case folding and accent stripping, apostrophes dropped ("what's" →
//! "whats"), other punctuation and hyphens split words ("follow-up" → "follow", "up"), every run of
//! digits becomes "0" ("top 5" and "top 12" → "top", "0"), and mask tokens stay whole
//! ("ent_account's" → "ent_account"). Ill-formed UTF-8 bytes are treated as spaces.
std::vector<std::string> NormalizeWords(std::string_view text);

//! One non-zero feature: a hashed slot and its weight.
struct Feature {
  uint32_t index = 0;  //!< slot below kFeatureSpace
  float weight = 0;    //!< sublinear term frequency, scaled so the vector has unit length

  //! Same slot and weight.
  bool operator==(const Feature&) const = default;
};

//! A sparse feature vector: unique slots in ascending order.
using SparseFeatures = std::vector<Feature>;

//! The features of a text: word unigrams and bigrams (with start and end marks) in one block and
//! character 3- to 5-grams of each word (with word boundary marks, so typos still share most of them)
//! in another; weights are 1 + log(count), each block is L2-normalised and the whole vector too.
//! Mask tokens count as words only. A text without words gets a single "no words" feature.
SparseFeatures ExtractFeatures(std::string_view text);

}  // namespace crm::nlu
