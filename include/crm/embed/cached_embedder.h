#pragma once
// An Embedder that remembers the vectors of the texts it embedded in the store, by model name and text hash.

#include <memory>
#include <mutex>

#include "crm/search/embedder.h"
#include "crm/store/store.h"

namespace crm::embed {

//! Wraps an embedder: vectors already in the store's embedding_cache are read, the others computed
//! (with a progress bar for many) and written there. A cache that cannot be read or written is skipped.
class CachedEmbedder : public search::Embedder {
 public:
  //! Caches the vectors of `inner` in `store` (a connection of its own: the embedder may outlive others).
  CachedEmbedder(std::unique_ptr<search::Embedder> inner, std::unique_ptr<store::Store> store);

  //! The inner embedder's name.
  std::string name() const override { return inner_->name(); }
  //! The inner embedder's dimension.
  size_t dimension() const override { return inner_->dimension(); }
  //! The cached or computed vector of one text.
  void Embed(std::string_view text, std::span<float> out) const override;
  //! The cached or computed vectors of many texts.
  void EmbedBatch(std::span<const std::string_view> texts, std::span<float> out) const override;
  //! The inner embedder's input ids.
  std::vector<int32_t> TokenIds(std::string_view text) const override { return inner_->TokenIds(text); }

 private:
  std::unique_ptr<search::Embedder> inner_;
  std::unique_ptr<store::Store> store_;
  mutable std::mutex mutex_;  //!< one statement at a time on the store's connection
};

}  // namespace crm::embed
