#pragma once
// The shape and settings of a sentence-transformers BERT model folder, read from its JSON files.

#include <cstddef>
#include <string>

#include "crm/common/result.h"

namespace crm::embed {

//! What the encoder and tokenizer need to know about a model folder.
struct BertConfig {
  size_t hidden_size = 0;
  size_t num_layers = 0;
  size_t num_heads = 0;
  size_t intermediate_size = 0;
  size_t max_position_embeddings = 0;
  size_t type_vocab_size = 0;
  size_t vocab_size = 0;
  float layer_norm_eps = 1e-12f;
  bool lower_case = true;  //!< tokenizer_config.json's do_lower_case (lower-casing and accent stripping)
  size_t max_length = 0;   //!< most tokens per text, [CLS] and [SEP] included
};

//! Reads config.json (a BERT with GELU), the optional tokenizer_config.json, sentence_bert_config.json,
//! modules.json and 1_Pooling/config.json (mean pooling) of the folder `dir`; an Error names the file.
Result<BertConfig> ReadBertConfig(const std::string& dir);

}  // namespace crm::embed
