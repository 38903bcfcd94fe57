#include "crm/search/search_index.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>
#include <unordered_map>

#include "crm/common/progress.h"
#include "crm/data/dataset_fingerprint.h"
#include "crm/search/hashed_ngram_embedder.h"
#include "crm/search/text_folding.h"
#include "index_storage.h"
#include "sealed_blob.h"

namespace crm::search {

namespace {

//! Threads used to embed and to insert vectors.
size_t BuildThreads() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8); }

//! Weight of a document's title in its vector (the rest is its whole text), so that a name is not
//! drowned in a long text and a misspelt name still finds its record.
constexpr float kTitleWeight = 0.5f;

//! The vector of every document, laid end to end: its title's and its text's vectors mixed by
//! kTitleWeight, normalised. Runs on BuildThreads() threads.
std::vector<float> EmbedAll(const Embedder& embedder, const Dataset& data, const SearchDocuments& documents,
                            ProgressBar& bar) {
  const size_t width = embedder.dimension();
  std::vector<float> vectors(documents.size() * width);
  std::atomic<size_t> next{0};
  const auto work = [&](bool reports) {
    std::vector<float> title(width);
    for (size_t i; (i = next.fetch_add(1)) < documents.size();) {
      const std::span<float> vector = std::span<float>(vectors).subspan(i * width, width);
      embedder.Embed(documents.texts[i], vector);
      embedder.Embed(DocumentTitle(data, documents, i), title);
      double norm = 0.0;
      for (size_t d = 0; d < width; ++d) {
        vector[d] = kTitleWeight * title[d] + (1.0f - kTitleWeight) * vector[d];
        norm += static_cast<double>(vector[d]) * vector[d];
      }
      for (size_t d = 0; norm > 0.0 && d < width; ++d)
        vector[d] = static_cast<float>(vector[d] / std::sqrt(norm));
      if (reports) bar.Update(i);
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < BuildThreads(); ++t) helpers.emplace_back(work, false);
  work(true);
  for (std::thread& helper : helpers) helper.join();
  return vectors;
}

//! A vector index over `count` vectors of `vectors` starting at vector `first`, labelled from `first`.
std::unique_ptr<VectorIndex> IndexVectors(std::span<const float> vectors, size_t width, size_t first,
                                          size_t count, ProgressBar* bar) {
  auto index = std::make_unique<VectorIndex>(width, count);
  index->Add(vectors.subspan(first * width, count * width), static_cast<uint32_t>(first), BuildThreads(),
             bar);
  return index;
}

//! The sealed bytes of a vector index.
Result<SavedPart> SealVectors(const char* name, const VectorIndex& index, const std::string& embedder) {
  Result<std::string> bytes = index.Serialize();
  if (!bytes.ok()) return bytes.error();
  return SavedPart{
      name, SealBlob({name, embedder, static_cast<uint32_t>(index.dimension()), index.size()}, *bytes)};
}

//! The payload of the saved part `name`, checked against its label.
Result<std::string_view> PartPayload(const std::unordered_map<std::string, std::string>& parts,
                                     const BlobLabel& label, uint64_t* count) {
  const auto it = parts.find(label.part);
  if (it == parts.end()) return Error{"the saved search index lacks its " + label.part};
  return OpenBlob(it->second, label, count);
}

//! A vector index read back from the saved part `name`, which must hold `expected` vectors.
Result<std::unique_ptr<VectorIndex>> LoadVectors(const std::unordered_map<std::string, std::string>& parts,
                                                 const char* name, const std::string& embedder,
                                                 size_t dimension, size_t expected) {
  uint64_t count = 0;
  Result<std::string_view> payload =
      PartPayload(parts, {name, embedder, static_cast<uint32_t>(dimension), 0}, &count);
  if (!payload.ok()) return payload.error();
  Result<std::unique_ptr<VectorIndex>> index = VectorIndex::Deserialize(*payload, dimension);
  if (!index.ok()) return index.error();
  if (count != expected || (*index)->size() != expected) {
    return Error{std::string("the saved ") + name + " do not match the documents"};
  }
  return index;
}

}  // namespace

SearchIndex::SearchIndex(const Dataset& data, std::unique_ptr<Embedder> embedder)
    : data_(data),
      embedder_(embedder ? std::move(embedder) : std::make_unique<HashedNgramEmbedder>()),
      profiles_(data) {
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    folded_account_names_.emplace(FoldText(data.accounts[row].name), static_cast<int32_t>(row));
  }
}

SearchIndex::~SearchIndex() = default;

void SearchIndex::BuildParts() {
  documents_ = CollectDocuments(data_);
  std::vector<std::string_view> texts(documents_.size());
  for (size_t i = 0; i < documents_.size(); ++i) texts[i] = documents_.texts[i];
  embedder_->Fit(texts);
  ProgressBar bar("Indexing for search", 2 * documents_.size(), 20000);
  const std::vector<float> vectors = EmbedAll(*embedder_, data_, documents_, bar);
  const size_t width = embedder_->dimension();
  account_vectors_ = IndexVectors(vectors, width, 0, documents_.account_count, nullptr);
  opportunity_vectors_ = IndexVectors(vectors, width, documents_.account_count,
                                      documents_.size() - documents_.account_count, &bar);
  profile_vectors_ =
      IndexVectors(profiles_.vectors(), profiles_.dimension(), 0, data_.accounts.size(), nullptr);
  bar.Finish();
  NoteDocumentAccounts();
  origin_ = IndexOrigin::kBuilt;
}

void SearchIndex::NoteDocumentAccounts() {
  document_accounts_.resize(documents_.size());
  for (size_t document = 0; document < documents_.size(); ++document) {
    const int32_t row = documents_.Rows(document).front();
    document_accounts_[document] =
        documents_.kinds[document] == RecordKind::kAccount ? row : data_.opportunities.account[row];
  }
}

Status SearchIndex::LoadParts(const store::Store& store, const std::string& fingerprint) {
  const std::string name = embedder_->name();
  const auto width = static_cast<uint32_t>(embedder_->dimension());
  Result<std::vector<SavedPart>> saved = ReadParts(store.connection(), fingerprint, name);
  if (!saved.ok()) return saved.error();
  std::unordered_map<std::string, std::string> parts;
  for (SavedPart& part : *saved) parts.emplace(std::move(part.name), std::move(part.bytes));
  uint64_t count = 0;
  Result<std::string_view> documents = PartPayload(parts, {"documents", name, width, 0}, &count);
  if (!documents.ok()) return documents.error();
  Result<SearchDocuments> decoded = DecodeDocuments(*documents, data_);
  if (!decoded.ok()) return decoded.error();
  documents_ = std::move(*decoded);
  Result<std::string_view> state = PartPayload(parts, {"embedder", name, width, 0}, &count);
  if (!state.ok()) return state.error();
  if (Status loaded = embedder_->LoadState(*state); !loaded.ok()) return loaded;
  const size_t accounts = documents_.account_count;
  auto account_vectors = LoadVectors(parts, "account_vectors", name, width, accounts);
  if (!account_vectors.ok()) return account_vectors.error();
  auto opportunity_vectors =
      LoadVectors(parts, "opportunity_vectors", name, width, documents_.size() - accounts);
  if (!opportunity_vectors.ok()) return opportunity_vectors.error();
  auto profile_vectors = LoadVectors(parts, "profile_vectors", name, profiles_.dimension(), accounts);
  if (!profile_vectors.ok()) return profile_vectors.error();
  account_vectors_ = std::move(*account_vectors);
  opportunity_vectors_ = std::move(*opportunity_vectors);
  profile_vectors_ = std::move(*profile_vectors);
  NoteDocumentAccounts();
  origin_ = IndexOrigin::kLoaded;
  return Status::Ok();
}

Status SearchIndex::SaveParts(store::Store& store, const std::string& fingerprint) const {
  const std::string name = embedder_->name();
  const auto width = static_cast<uint32_t>(embedder_->dimension());
  std::vector<SavedPart> parts;
  parts.push_back(
      {"documents", SealBlob({"documents", name, width, documents_.size()}, EncodeDocuments(documents_))});
  parts.push_back({"embedder", SealBlob({"embedder", name, width, 0}, embedder_->SaveState())});
  for (const auto& [part, index] : {std::pair{"account_vectors", account_vectors_.get()},
                                    std::pair{"opportunity_vectors", opportunity_vectors_.get()},
                                    std::pair{"profile_vectors", profile_vectors_.get()}}) {
    Result<SavedPart> sealed = SealVectors(part, *index, name);
    if (!sealed.ok()) return sealed.error();
    parts.push_back(std::move(*sealed));
  }
  sqlite3* db = store.connection();
  Result<store::Transaction> transaction = store::Transaction::Begin(db, "BEGIN IMMEDIATE");
  if (!transaction.ok()) return transaction.error();
  if (Status written = WriteText(db, documents_); !written.ok()) return written;
  if (Status written = WriteParts(db, parts, fingerprint, name); !written.ok()) return written;
  return transaction->Commit();
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::Build(const Dataset& data,
                                                        std::unique_ptr<Embedder> embedder) {
  std::unique_ptr<SearchIndex> index(new SearchIndex(data, std::move(embedder)));
  index->BuildParts();
  Result<std::unique_ptr<store::Store>> memory = store::Store::Open(":memory:");
  if (!memory.ok()) return memory.error();
  sqlite3* db = (*memory)->connection();
  Result<store::Transaction> transaction = store::Transaction::Begin(db, "BEGIN IMMEDIATE");
  if (!transaction.ok()) return transaction.error();
  if (Status written = WriteText(db, index->documents_); !written.ok()) return written.error();
  if (Status committed = transaction->Commit(); !committed.ok()) return committed.error();
  if (Status attached = index->AttachText(std::move(*memory)); !attached.ok()) return attached.error();
  return index;
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::LoadOrBuild(store::Store& store, const Dataset& data,
                                                              std::unique_ptr<Embedder> embedder) {
  // An in-memory store cannot be opened a second time for queries: build in memory instead.
  if (store.path() == ":memory:") return Build(data, std::move(embedder));
  std::unique_ptr<SearchIndex> index(new SearchIndex(data, std::move(embedder)));
  const std::string fingerprint = DatasetFingerprint(data);
  if (Status loaded = index->LoadParts(store, fingerprint); !loaded.ok()) {
    index->rebuild_reason_ = loaded.error().message;
    index->BuildParts();
    if (Status saved = index->SaveParts(store, fingerprint); !saved.ok()) {
      return Error{"cannot save the search index in the store at '" + store.path() +
                   "': " + saved.error().message};
    }
  }
  Result<std::unique_ptr<store::Store>> reader = store::Store::Open(store.path());
  if (!reader.ok()) return reader.error();
  if (Status attached = index->AttachText(std::move(*reader)); !attached.ok()) return attached.error();
  return index;
}

Status SearchIndex::AttachText(std::unique_ptr<store::Store> text_store) {
  Result<store::Statement> query = store::Prepare(
      text_store->connection(),
      "SELECT rowid FROM search_text WHERE search_text MATCH ?1 AND rowid >= ?2 AND rowid < ?3 "
      "ORDER BY rank LIMIT ?4");
  if (!query.ok()) return query.error();
  Result<store::Statement> count =
      store::Prepare(text_store->connection(),
                     "SELECT COALESCE(SUM(doc), 0) FROM search_vocabulary WHERE term >= ?1 AND term <= ?2");
  if (!count.ok()) return count.error();
  bm25_query_ = std::move(*query);
  document_count_query_ = std::move(*count);
  text_store_ = std::move(text_store);
  return Status::Ok();
}

}  // namespace crm::search
