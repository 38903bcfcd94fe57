#include "crm/embed/bert_weights.h"

#include <cstdint>
#include <optional>

namespace crm::embed {

namespace {

//! Moves tensors out of the map after checking their dtype and shape.
class TensorTaker {
 public:
  explicit TensorTaker(TensorMap& tensors) : tensors_(tensors) {}

  //! The values of `name` (or "bert." + name); an Error when it is absent, not F32 or not `shape`.
  Result<std::vector<float>> Take(const std::string& name, std::vector<int64_t> shape) {
    auto found = tensors_.find(name);
    if (found == tensors_.end()) found = tensors_.find("bert." + name);
    if (found == tensors_.end()) return Error{"model.safetensors lacks tensor '" + name + "'"};
    Tensor& tensor = found->second;
    if (tensor.dtype != "F32") {
      return Error{"tensor '" + found->first + "' is " + tensor.dtype + ", not F32"};
    }
    if (tensor.shape != shape) {
      return Error{"tensor '" + found->first + "' has shape " + ShapeText(tensor.shape) + ", expected " +
                   ShapeText(shape)};
    }
    return std::move(tensor.values);
  }

 private:
  TensorMap& tensors_;
};

}  // namespace

Result<BertWeights> TakeBertWeights(TensorMap tensors, const BertConfig& config) {
  TensorTaker taker(tensors);
  const auto hidden = static_cast<int64_t>(config.hidden_size);
  const auto inner = static_cast<int64_t>(config.intermediate_size);
  BertWeights weights;
  std::optional<Error> error;
  // Takes one tensor into `target`, remembering the first error.
  auto take = [&](std::vector<float>& target, const std::string& name, std::vector<int64_t> shape) {
    if (error) return;
    Result<std::vector<float>> values = taker.Take(name, std::move(shape));
    if (values.ok()) {
      target = std::move(*values);
    } else {
      error = values.error();
    }
  };
  take(weights.word_embeddings, "embeddings.word_embeddings.weight",
       {static_cast<int64_t>(config.vocab_size), hidden});
  take(weights.position_embeddings, "embeddings.position_embeddings.weight",
       {static_cast<int64_t>(config.max_position_embeddings), hidden});
  take(weights.token_type_embedding, "embeddings.token_type_embeddings.weight",
       {static_cast<int64_t>(config.type_vocab_size), hidden});
  if (!error) weights.token_type_embedding.resize(config.hidden_size);
  take(weights.embedding_norm_gain, "embeddings.LayerNorm.weight", {hidden});
  take(weights.embedding_norm_bias, "embeddings.LayerNorm.bias", {hidden});
  weights.layers.resize(config.num_layers);
  for (size_t i = 0; i < config.num_layers && !error; ++i) {
    BertLayerWeights& layer = weights.layers[i];
    const std::string prefix = "encoder.layer." + std::to_string(i) + ".";
    for (const char* part : {"query", "key", "value"}) {
      std::vector<float> weight, bias;
      take(weight, prefix + "attention.self." + part + ".weight", {hidden, hidden});
      take(bias, prefix + "attention.self." + part + ".bias", {hidden});
      layer.qkv_weight.insert(layer.qkv_weight.end(), weight.begin(), weight.end());
      layer.qkv_bias.insert(layer.qkv_bias.end(), bias.begin(), bias.end());
    }
    take(layer.attention_output_weight, prefix + "attention.output.dense.weight", {hidden, hidden});
    take(layer.attention_output_bias, prefix + "attention.output.dense.bias", {hidden});
    take(layer.attention_norm_gain, prefix + "attention.output.LayerNorm.weight", {hidden});
    take(layer.attention_norm_bias, prefix + "attention.output.LayerNorm.bias", {hidden});
    take(layer.intermediate_weight, prefix + "intermediate.dense.weight", {inner, hidden});
    take(layer.intermediate_bias, prefix + "intermediate.dense.bias", {inner});
    take(layer.output_weight, prefix + "output.dense.weight", {hidden, inner});
    take(layer.output_bias, prefix + "output.dense.bias", {hidden});
    take(layer.output_norm_gain, prefix + "output.LayerNorm.weight", {hidden});
    take(layer.output_norm_bias, prefix + "output.LayerNorm.bias", {hidden});
  }
  if (error) return *error;
  return weights;
}

}  // namespace crm::embed
