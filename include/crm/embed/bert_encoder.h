#pragma once
// The forward pass of a BERT sentence encoder: embeddings, post-LayerNorm transformer layers, mean
// pooling over the tokens, L2 normalisation. Matrix products on OpenBLAS, texts spread over the cores.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/embed/bert_config.h"
#include "crm/embed/bert_weights.h"

namespace crm::embed {

//! Turns token id sequences into sentence vectors. Safe to use from several threads at once.
class BertEncoder {
 public:
  //! An encoder of the shape `config` with `weights` (as TakeBertWeights checked them).
  BertEncoder(BertConfig config, BertWeights weights);

  //! Writes the L2-normalised mean-pooled vector of sequences[i] into out[i * hidden, (i + 1) * hidden);
  //! a sequence of [CLS] and [SEP] alone (nothing to embed) gets all zeros. Several sequences are packed
  //! into one batch of rows; batches run on up to `threads` threads (0: every core).
  void Encode(std::span<const std::vector<int32_t>> sequences, std::span<float> out,
              unsigned threads = 0) const;
  //! The shape in use.
  const BertConfig& config() const { return config_; }

 private:
  struct Workspace;  //!< one thread's activations, reused from batch to batch
  //! Encodes `sequences`, packed into one batch of rows, on the calling thread.
  void EncodeBatch(std::span<const std::vector<int32_t>> sequences, std::span<float> out,
                   Workspace& work) const;

  BertConfig config_;
  BertWeights weights_;
};

}  // namespace crm::embed
