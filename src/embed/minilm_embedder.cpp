#include "crm/embed/minilm_embedder.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "crm/common/sha256.h"

namespace crm::embed {

namespace {

//! The contents of `path` (empty when it cannot be read).
std::string ReadText(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
}

}  // namespace

MiniLmEmbedder::MiniLmEmbedder(std::string name, WordPieceTokenizer tokenizer, BertEncoder encoder)
    : name_(std::move(name)), tokenizer_(std::move(tokenizer)), encoder_(std::move(encoder)) {}

Result<std::unique_ptr<MiniLmEmbedder>> MiniLmEmbedder::Load(const std::string& dir, Precision precision) {
  const std::filesystem::path folder(dir);
  if (!std::filesystem::is_directory(folder)) return Error{"no model folder '" + dir + "'"};
  Result<BertConfig> config = ReadBertConfig(dir);
  if (!config.ok()) return config.error();
  const std::string vocab_path = (folder / "vocab.txt").string();
  Result<WordPieceTokenizer> tokenizer =
      WordPieceTokenizer::Load(vocab_path, config->lower_case, config->max_length);
  if (!tokenizer.ok()) return tokenizer.error();
  if (tokenizer->vocab_size() != config->vocab_size) {
    return Error{"tokenizer mismatch: '" + vocab_path + "' has " + std::to_string(tokenizer->vocab_size()) +
                 " pieces, config.json says vocab_size " + std::to_string(config->vocab_size)};
  }
  const std::filesystem::path weights_path = folder / "model.safetensors";
  if (!std::filesystem::exists(weights_path)) return Error{"missing '" + weights_path.string() + "'"};
  Result<TensorMap> tensors = ReadSafetensors(weights_path.string());
  if (!tensors.ok()) return tensors.error();
  Result<BertWeights> weights = TakeBertWeights(std::move(*tensors), *config);
  if (!weights.ok()) return weights.error();
  const std::string identity = ReadText(folder / "config.json") + ReadText(vocab_path) +
                               std::to_string(std::filesystem::file_size(weights_path));
  BertEncoder encoder(*config, std::move(*weights), precision);
  std::string name = "minilm:" + std::filesystem::absolute(folder).lexically_normal().filename().string() +
                     ":" + Sha256Hex(identity).substr(0, 12);
  if (encoder.precision() != Precision::kF32) name += ":" + std::string(PrecisionName(encoder.precision()));
  return std::unique_ptr<MiniLmEmbedder>(new MiniLmEmbedder(name, std::move(*tokenizer), std::move(encoder)));
}

void MiniLmEmbedder::Embed(std::string_view text, std::span<float> out) const {
  const std::vector<int32_t> ids = tokenizer_.Encode(text);
  encoder_.Encode(std::span(&ids, 1), out, 1);
}

void MiniLmEmbedder::EmbedBatch(std::span<const std::string_view> texts, std::span<float> out) const {
  std::vector<std::vector<int32_t>> sequences;
  sequences.reserve(texts.size());
  for (std::string_view text : texts) sequences.push_back(tokenizer_.Encode(text));
  encoder_.Encode(sequences, out);
}

}  // namespace crm::embed
