#include "crm/embed/cached_embedder.h"

#include <cstring>

#include "crm/common/progress.h"
#include "crm/common/sha256.h"
#include "crm/store/sqlite.h"

namespace crm::embed {

CachedEmbedder::CachedEmbedder(std::unique_ptr<search::Embedder> inner, std::unique_ptr<store::Store> store)
    : inner_(std::move(inner)), store_(std::move(store)) {}

void CachedEmbedder::Embed(std::string_view text, std::span<float> out) const {
  EmbedBatch(std::span(&text, 1), out);
}

void CachedEmbedder::EmbedBatch(std::span<const std::string_view> texts, std::span<float> out) const {
  const size_t dimension = inner_->dimension();
  const std::string model = name();
  std::vector<std::string> hashes;
  std::vector<size_t> missing;  // indexes of the texts to compute
  std::lock_guard lock(mutex_);
  sqlite3* db = store_->connection();
  auto select = store::Prepare(db, "SELECT vector FROM embedding_cache WHERE model = ?1 AND text_hash = ?2");
  for (size_t i = 0; i < texts.size(); ++i) {
    hashes.push_back(Sha256Hex(texts[i]));
    bool found = false;
    if (select.ok()) {
      sqlite3_stmt* statement = select->get();
      sqlite3_bind_text(statement, 1, model.data(), static_cast<int>(model.size()), SQLITE_STATIC);
      sqlite3_bind_text(statement, 2, hashes[i].data(), static_cast<int>(hashes[i].size()), SQLITE_STATIC);
      if (sqlite3_step(statement) == SQLITE_ROW &&
          static_cast<size_t>(sqlite3_column_bytes(statement, 0)) == dimension * sizeof(float)) {
        std::memcpy(out.data() + i * dimension, sqlite3_column_blob(statement, 0), dimension * sizeof(float));
        found = true;
      }
      sqlite3_reset(statement);
    }
    if (!found) missing.push_back(i);
  }
  if (missing.empty()) return;
  std::vector<std::string_view> todo;
  for (size_t i : missing) todo.push_back(texts[i]);
  std::vector<float> computed(todo.size() * dimension);
  ProgressBar bar("Embedding", todo.size(), 256);
  constexpr size_t kChunk = 256;  // texts per step of the progress bar
  for (size_t first = 0; first < todo.size(); first += kChunk) {
    const size_t count = std::min(kChunk, todo.size() - first);
    inner_->EmbedBatch(std::span(todo).subspan(first, count),
                       std::span(computed).subspan(first * dimension, count * dimension));
    bar.Step(first + count, "");
  }
  bar.Finish();
  auto transaction = store::Transaction::Begin(db, "BEGIN IMMEDIATE");
  auto insert = store::Prepare(db, "INSERT OR REPLACE INTO embedding_cache VALUES (?1, ?2, ?3)");
  for (size_t j = 0; j < missing.size(); ++j) {
    const float* vector = computed.data() + j * dimension;
    std::memcpy(out.data() + missing[j] * dimension, vector, dimension * sizeof(float));
    if (!transaction.ok() || !insert.ok()) continue;
    sqlite3_stmt* statement = insert->get();
    const std::string& hash = hashes[missing[j]];
    sqlite3_bind_text(statement, 1, model.data(), static_cast<int>(model.size()), SQLITE_STATIC);
    sqlite3_bind_text(statement, 2, hash.data(), static_cast<int>(hash.size()), SQLITE_STATIC);
    sqlite3_bind_blob(statement, 3, vector, static_cast<int>(dimension * sizeof(float)), SQLITE_STATIC);
    sqlite3_step(statement);
    sqlite3_reset(statement);
  }
  if (transaction.ok()) (void)transaction->Commit();
}

}  // namespace crm::embed
