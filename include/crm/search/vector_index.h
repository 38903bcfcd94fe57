#pragma once
// Approximate nearest neighbours by inner product over normalised vectors (an HNSW graph, hnswlib),
// safe to search from many threads at once.

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/progress.h"
#include "crm/common/result.h"

namespace crm::search {

//! Settings of the HNSW graph (chosen by measurement: see bench/bench_search.cpp).
struct HnswSettings {
  size_t m = 12;                //!< links per node
  size_t ef_construction = 64;  //!< candidate list while building
  size_t ef_search = 64;        //!< candidate list while searching (at least k is always used)
};

//! One neighbour found.
struct Neighbor {
  uint32_t label;
  float similarity;  //!< inner product with the query (cosine for normalised vectors)
};

//! An HNSW index of fixed dimension. Search may run on several threads while nothing is added; Add and
//! Search exclude each other through a shared mutex (hnswlib is not safe for search during insert).
class VectorIndex {
 public:
  //! An empty index for up to `capacity` vectors of `dimension` floats.
  VectorIndex(size_t dimension, size_t capacity, HnswSettings settings = {});
  ~VectorIndex();
  VectorIndex(const VectorIndex&) = delete;
  VectorIndex& operator=(const VectorIndex&) = delete;

  //! Adds the vectors laid end to end in `vectors`, labelled first_label, first_label + 1, …, on up to
  //! `threads` threads, counting them on `progress` when given.
  void Add(std::span<const float> vectors, uint32_t first_label, size_t threads = 1,
           ProgressBar* progress = nullptr);
  //! The `k` nearest vectors to `query`, most similar first.
  std::vector<Neighbor> Search(std::span<const float> query, size_t k) const;
  //! The `k` vectors among `labels` most similar to `query`, found exactly (for a few labels left by a
  //! filter, where the graph would have to be searched far too deep); labels not held are skipped.
  std::vector<Neighbor> SearchAmong(std::span<const float> query, std::span<const uint32_t> labels,
                                    size_t k) const;
  //! Vectors held.
  size_t size() const;
  //! Floats per vector.
  size_t dimension() const { return dimension_; }
  //! The graph and its vectors as bytes (hnswlib's layout; wrap them before saving).
  Result<std::string> Serialize() const;
  //! An index read back from Serialize's bytes; an Error when they do not hold an index of `dimension`.
  static Result<std::unique_ptr<VectorIndex>> Deserialize(std::string_view bytes, size_t dimension,
                                                          HnswSettings settings = {});

 private:
  struct Graph;
  VectorIndex(size_t dimension, HnswSettings settings, std::unique_ptr<Graph> graph);

  size_t dimension_;
  HnswSettings settings_;
  std::unique_ptr<Graph> graph_;
  mutable std::shared_mutex mutex_;
};

}  // namespace crm::search
