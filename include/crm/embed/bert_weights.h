#pragma once
// The weights of a BERT encoder, checked against its config and laid out for the forward pass.

#include <vector>

#include "crm/common/result.h"
#include "crm/embed/bert_config.h"
#include "crm/embed/safetensors.h"

namespace crm::embed {

//! One transformer layer; matrices are row-major [out, in] as PyTorch stores them.
struct BertLayerWeights {
  std::vector<float> qkv_weight, qkv_bias;  //!< query, key and value stacked: [3 * hidden, hidden]
  std::vector<float> attention_output_weight, attention_output_bias;
  std::vector<float> attention_norm_gain, attention_norm_bias;
  std::vector<float> intermediate_weight, intermediate_bias;  //!< [intermediate, hidden]
  std::vector<float> output_weight, output_bias;              //!< [hidden, intermediate]
  std::vector<float> output_norm_gain, output_norm_bias;
};

//! The embeddings and layers of the encoder (the pooler is not used).
struct BertWeights {
  std::vector<float> word_embeddings;       //!< [vocab, hidden]
  std::vector<float> position_embeddings;   //!< [max positions, hidden]
  std::vector<float> token_type_embedding;  //!< row 0 of the token type embeddings: [hidden]
  std::vector<float> embedding_norm_gain, embedding_norm_bias;
  std::vector<BertLayerWeights> layers;
};

//! Takes the encoder's tensors from `tensors` (names with or without a "bert." prefix); an Error names a
//! missing tensor, or a tensor whose shape is not the config's (expected and found).
Result<BertWeights> TakeBertWeights(TensorMap tensors, const BertConfig& config);

}  // namespace crm::embed
