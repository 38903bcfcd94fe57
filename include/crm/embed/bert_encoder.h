#pragma once
// The forward pass of a BERT sentence encoder: embeddings, post-LayerNorm transformer layers, mean
// pooling over the tokens, L2 normalisation. Matrix products on OpenBLAS (f32) or oneDNN (bf16, int8),
// texts spread over the cores.

#include <cstdint>
#include <span>
#include <vector>

#include "crm/embed/bert_config.h"
#include "crm/embed/bert_weights.h"
#include "crm/embed/precision.h"
#include "crm/embed/reduced_matmul.h"

namespace crm::embed {

//! Turns token id sequences into sentence vectors. Safe to use from several threads at once.
class BertEncoder {
 public:
  //! An encoder of the shape `config` with `weights` (as TakeBertWeights checked them), multiplying in
  //! `precision`; when this CPU lacks the instructions for it, in f32, said once on stderr.
  BertEncoder(BertConfig config, BertWeights weights, Precision precision = Precision::kF32);

  //! Writes the L2-normalised mean-pooled vector of sequences[i] into out[i * hidden, (i + 1) * hidden);
  //! a sequence of [CLS] and [SEP] alone (nothing to embed) gets all zeros. Several sequences are packed
  //! into one batch of rows; batches run on up to `threads` threads (0: every core).
  void Encode(std::span<const std::vector<int32_t>> sequences, std::span<float> out,
              unsigned threads = 0) const;
  //! The shape in use.
  const BertConfig& config() const { return config_; }
  //! The precision in use.
  Precision precision() const { return precision_; }

 private:
  struct Workspace;  //!< one thread's activations, reused from batch to batch
  //! Encodes `sequences`, packed into one batch of rows, on the calling thread.
  void EncodeBatch(std::span<const std::vector<int32_t>> sequences, std::span<float> out,
                   Workspace& work) const;

  //! A layer's weight matrices in bf16 or int8.
  struct ReducedLayer {
    ReducedMatrix qkv, attention_output, intermediate, output;
  };

  BertConfig config_;
  BertWeights weights_;  //!< without the layers' matrices in bf16 or int8 (they are in reduced_)
  Precision precision_ = Precision::kF32;
  std::vector<ReducedLayer> reduced_;  //!< one a layer in bf16 or int8, empty in f32
};

}  // namespace crm::embed
