#pragma once
// The default, weights-free embedder: TF-IDF-weighted hashed word and character n-grams.

#include <cstdint>
#include <vector>

#include "crm/search/embedder.h"

namespace crm::search {

//! Word unigrams and character 3- and 4-grams of the folded words (so "konex" lands near "konnex"),
//! weighted by term frequency times the IDF fitted on the indexed documents, projected into `dimension`
//! floats by signed hashing, L2-normalised.
class HashedNgramEmbedder : public Embedder {
 public:
  //! An unfitted embedder (every IDF is 1) of `dimension` floats.
  explicit HashedNgramEmbedder(size_t dimension = 256);

  //! "hashed-ngrams-v1".
  std::string name() const override;
  //! The dimension given at construction.
  size_t dimension() const override { return dimension_; }
  //! Fits the IDF of every hashed feature on `documents`.
  void Fit(std::span<const std::string_view> documents) override;
  //! The IDF table.
  std::string SaveState() const override;
  //! Restores the IDF table; an Error when the bytes are not one.
  Status LoadState(std::string_view state) override;
  //! The normalised TF-IDF vector of `text`.
  void Embed(std::string_view text, std::span<float> out) const override;

 private:
  //! The hashed features of `text`: word and character n-gram hashes with their base weights.
  struct Feature {
    uint64_t hash;
    float weight;
  };
  static std::vector<Feature> Features(std::string_view text);

  size_t dimension_;
  std::vector<float> idf_;  //!< one weight per IDF bucket; empty until fitted or loaded (all 1)
};

}  // namespace crm::search
