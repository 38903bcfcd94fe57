#include "cli_context.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "crm/data/dataset_fingerprint.h"
#include "crm/embed/cached_embedder.h"
#include "crm/embed/minilm_embedder.h"
#include "crm/embed/precision.h"
#include "crm/ingest/importer.h"
#include "crm/llm/llm_config.h"
#include "crm/llm/llm_writer.h"
#include "crm/store/default_path.h"
#include "crm/store/store.h"

namespace crm::cli {

std::string StorePath(const GlobalOptions& options) {
  return options.db.empty() ? store::DefaultDbPath() : options.db;
}

Result<LoadedData> LoadData(const GlobalOptions& options) {
  if (!options.data.empty()) {
    auto imported = ingest::ImportFolder(options.data);
    if (!imported.ok()) return imported.error();
    return LoadedData{std::move(imported->data), std::move(imported->report)};
  }
  const std::string path = StorePath(options);
  auto store = store::Store::Open(path);
  if (!store.ok()) return store.error();
  auto history = (*store)->ImportHistory();
  if (!history.ok()) return history.error();
  if (history->empty()) {
    return Error{"the store " + path + " has no data yet: run `crm-assistant import DIR` or pass --data DIR"};
  }
  auto data = (*store)->Load();
  if (!data.ok()) return data.error();
  const auto& latest = history->front();
  return LoadedData{std::move(*data), ingest::ImportReport::FromJson(
                                          nlohmann::json::parse(latest.report_json, nullptr, false))};
}

Result<models::ModelSet> LoadModels(const GlobalOptions& options, const Dataset& data) {
  const std::string path = StorePath(options);
  if (!options.data.empty() && !std::filesystem::exists(path)) return models::ModelSet();
  auto store = store::Store::Open(path);
  if (!store.ok()) return store.error();
  return models::ModelSet::Load(**store, DatasetFingerprint(data));
}

namespace {

//! The configured embedder; a sentence encoder's vectors are cached in the store across runs.
Result<std::unique_ptr<search::Embedder>> StoreCachedEmbedder(const GlobalOptions& options) {
  Result<std::unique_ptr<search::Embedder>> embedder = ConfiguredEmbedder("");
  if (!embedder.ok() || !*embedder || !options.data.empty()) return embedder;
  auto cache = store::Store::Open(StorePath(options));
  if (!cache.ok()) return cache.error();
  return std::unique_ptr<search::Embedder>(
      std::make_unique<embed::CachedEmbedder>(std::move(*embedder), std::move(*cache)));
}

}  // namespace

Result<std::unique_ptr<search::SearchIndex>> OpenSearchIndex(const GlobalOptions& options,
                                                             const Dataset& data) {
  auto embedder = StoreCachedEmbedder(options);
  if (!embedder.ok()) return embedder.error();
  if (!options.data.empty()) return search::SearchIndex::Build(data, std::move(*embedder));
  auto store = store::Store::Open(StorePath(options));
  if (!store.ok()) return store.error();
  return search::SearchIndex::LoadOrBuild(**store, data, std::move(*embedder));
}

access::IndexBuilder PartIndexBuilder(const GlobalOptions& options) {
  return [&options](const Dataset& part) -> Result<std::unique_ptr<search::SearchIndex>> {
    auto embedder = StoreCachedEmbedder(options);
    if (!embedder.ok()) return embedder.error();
    return search::SearchIndex::Build(part, std::move(*embedder));
  };
}

Result<std::unique_ptr<search::Embedder>> ConfiguredEmbedder(const std::string& model_dir,
                                                             const std::string& precision) {
  std::string dir = model_dir;
  if (dir.empty()) {
    if (const char* configured = std::getenv("CRM_EMBEDDING_MODEL")) dir = configured;
  }
  if (dir.empty()) return std::unique_ptr<search::Embedder>();
  const Result<embed::Precision> products = embed::ConfiguredPrecision(precision);
  if (!products.ok()) return products.error();
  auto embedder = embed::MiniLmEmbedder::Load(dir, *products);
  if (!embedder.ok()) return embedder.error();
  return std::unique_ptr<search::Embedder>(std::move(*embedder));
}

Result<std::unique_ptr<llm::TextWriter>> ConfiguredWriter() {
  const Result<llm::LlmConfig> config = llm::LoadLlmConfigFromEnvironment();
  if (!config.ok()) return config.error();
  return llm::MakeWriter(*config);
}

int Fail(const Error& error) {
  std::fprintf(stderr, "error: %s\n", error.message.c_str());
  return 1;
}

void PrintJson(const nlohmann::json& document) {
  std::cout << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace crm::cli
