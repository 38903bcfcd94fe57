#pragma once
// A sentence-transformers BERT encoder (MiniLM and the like) loaded from its model folder, behind the
// search's Embedder interface.

#include <memory>
#include <string>
#include <vector>

#include "crm/embed/bert_encoder.h"
#include "crm/embed/wordpiece_tokenizer.h"
#include "crm/search/embedder.h"

namespace crm::embed {

//! Pretrained sentence vectors: WordPiece tokens through a BERT encoder, mean-pooled, L2-normalised.
class MiniLmEmbedder : public search::Embedder {
 public:
  //! Loads the model folder `dir` (config.json, vocab.txt, model.safetensors and the optional
  //! sentence-transformers files) to multiply in `precision` (f32 when the CPU cannot); an Error says
  //! which file or tensor is wrong.
  static Result<std::unique_ptr<MiniLmEmbedder>> Load(const std::string& dir,
                                                      Precision precision = Precision::kF32);

  //! "minilm:<folder name>:<hash of config, vocabulary and weights size>", then ":bf16" or ":int8" when
  //! the products are in reduced precision (so that cached vectors of different precisions never mix).
  std::string name() const override { return name_; }
  //! The hidden size.
  size_t dimension() const override { return encoder_.config().hidden_size; }
  //! The vector of one text.
  void Embed(std::string_view text, std::span<float> out) const override;
  //! The vectors of many texts, over every core.
  void EmbedBatch(std::span<const std::string_view> texts, std::span<float> out) const override;
  //! The model's input ids for `text`.
  std::vector<int32_t> TokenIds(std::string_view text) const override { return tokenizer_.Encode(text); }

 private:
  MiniLmEmbedder(std::string name, WordPieceTokenizer tokenizer, BertEncoder encoder);

  std::string name_;
  WordPieceTokenizer tokenizer_;
  BertEncoder encoder_;
};

}  // namespace crm::embed
