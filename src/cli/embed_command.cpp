// `crm-assistant embed "TEXT" [--embedding-model DIR] [--embedding-precision P]`: the vector of a text, and
// the model's input ids.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/search/hashed_ngram_embedder.h"

namespace crm::cli {

namespace {

//! What the command line asked for.
struct EmbedArguments {
  std::string text, model_dir, precision;
};

//! What was embedded, and how.
struct Embedding {
  std::string model;
  std::vector<int32_t> token_ids;  //!< empty without a tokenizer
  std::vector<float> vector;
  std::string fitted_on;  //!< what the default embedder was fitted on (empty for a pretrained model)
};

//! The default embedder's vector: fitted on the search documents of the data in effect when there is
//! data (--data, or a store that exists), else unfitted, and `fitted_on` says which.
Result<Embedding> DefaultEmbedding(const GlobalOptions& options, const std::string& text) {
  Embedding embedding;
  if (!options.data.empty() || std::filesystem::exists(StorePath(options))) {
    auto loaded = LoadData(options);
    if (!loaded.ok()) return loaded.error();
    auto index = OpenSearchIndex(options, loaded->data);
    if (!index.ok()) return index.error();
    const search::Embedder& embedder = (*index)->embedder();
    embedding.model = embedder.name();
    embedding.vector.resize(embedder.dimension());
    embedder.Embed(text, embedding.vector);
    embedding.fitted_on = "the search documents of the loaded data";
    return embedding;
  }
  const search::HashedNgramEmbedder embedder;
  embedding.model = embedder.name();
  embedding.vector.resize(embedder.dimension());
  embedder.Embed(text, embedding.vector);
  embedding.fitted_on = "nothing: unfitted, every IDF weight is 1 (import data to fit it)";
  return embedding;
}

int RunEmbed(const GlobalOptions& options, const EmbedArguments& arguments) {
  auto configured = ConfiguredEmbedder(arguments.model_dir, arguments.precision);
  if (!configured.ok()) return Fail(configured.error());
  Result<Embedding> embedding = Embedding();
  if (*configured) {
    const search::Embedder& model = **configured;
    embedding->model = model.name();
    embedding->token_ids = model.TokenIds(arguments.text);
    embedding->vector.resize(model.dimension());
    model.Embed(arguments.text, embedding->vector);
  } else {
    embedding = DefaultEmbedding(options, arguments.text);
    if (!embedding.ok()) return Fail(embedding.error());
  }
  nlohmann::json document = {
      {"model", embedding->model}, {"dim", embedding->vector.size()}, {"vector", embedding->vector}};
  if (!embedding->token_ids.empty()) document["token_ids"] = embedding->token_ids;
  if (!embedding->fitted_on.empty()) document["fitted_on"] = embedding->fitted_on;
  if (options.json) {
    PrintJson(document);
    return 0;
  }
  std::cout << "model: " << embedding->model << "\ndim: " << embedding->vector.size() << "\n";
  if (!embedding->fitted_on.empty()) std::cout << "fitted on: " << embedding->fitted_on << "\n";
  if (!embedding->token_ids.empty()) std::cout << "token_ids: " << document["token_ids"].dump() << "\n";
  std::cout << "vector: " << document["vector"].dump() << "\n";
  return 0;
}

}  // namespace

Command EmbedCommand(const GlobalOptions& options) {
  auto arguments = std::make_shared<EmbedArguments>();
  Command command{"embed", "The vector of a text (and the model's token ids)", {}, nullptr};
  command.options.push_back({"TEXT", "the text to embed", &arguments->text, true});
  command.options.push_back({"--embedding-model",
                             "sentence-transformers BERT folder (default: "
                             "$CRM_EMBEDDING_MODEL, else the hashed n-gram embedder)",
                             &arguments->model_dir});
  command.options.push_back({"--embedding-precision",
                             "the encoder's matrix products: f32 (default, exact), bf16 or int8 (faster; "
                             "default: $CRM_EMBEDDING_PRECISION, else f32)",
                             &arguments->precision});
  command.run = [&options, arguments]() -> int { return RunEmbed(options, *arguments); };
  return command;
}

}  // namespace crm::cli
