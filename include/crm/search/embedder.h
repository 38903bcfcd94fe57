#pragma once
// The seam between search and whatever turns text into vectors: the weights-free hashed n-gram
// embedder today, a sentence encoder later. An index remembers the embedder's name and dimension and is
// rebuilt when they change.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"

namespace crm::search {

//! Turns text into L2-normalised vectors of a fixed dimension.
class Embedder {
 public:
  virtual ~Embedder() = default;

  //! Identifies the model and its settings; an index built by an embedder of another name is rebuilt.
  virtual std::string name() const = 0;
  //! Length of every vector.
  virtual size_t dimension() const = 0;
  //! Learns what the embedder needs from the documents to index (nothing for a pretrained model).
  virtual void Fit(std::span<const std::string_view> documents) {}
  //! The fitted state, saved with the index (empty when there is none).
  virtual std::string SaveState() const { return {}; }
  //! Restores what SaveState returned; an Error when the bytes are not this embedder's state.
  virtual Status LoadState(std::string_view state) { return Status::Ok(); }
  //! Writes the L2-normalised vector of `text` into `out` (dimension() floats; all zero when the text
  //! has nothing to embed). Safe to call from several threads at once.
  virtual void Embed(std::string_view text, std::span<float> out) const = 0;
  //! Embeds texts[i] into out[i * dimension(), (i + 1) * dimension()).
  virtual void EmbedBatch(std::span<const std::string_view> texts, std::span<float> out) const;
  //! The model's input ids for `text` (empty for an embedder without a tokenizer).
  virtual std::vector<int32_t> TokenIds(std::string_view text) const { return {}; }
};

}  // namespace crm::search
