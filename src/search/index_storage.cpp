#include "index_storage.h"

#include "../store/image_codec.h"
#include "crm/search/text_folding.h"
#include "crm/store/sqlite.h"

namespace crm::search {

namespace {

using store::BindText;
using store::ColumnString;

}  // namespace

Status WriteText(sqlite3* db, const SearchDocuments& documents) {
  if (Status cleared = store::Execute(db, "INSERT INTO search_text (search_text) VALUES ('delete-all')");
      !cleared.ok()) {
    return cleared;
  }
  Result<store::Statement> insert =
      store::Prepare(db, "INSERT INTO search_text (rowid, body) VALUES (?1, ?2)");
  if (!insert.ok()) return insert.error();
  for (size_t document = 0; document < documents.size(); ++document) {
    sqlite3_reset(insert->get());
    sqlite3_bind_int64(insert->get(), 1, static_cast<int64_t>(document));
    BindText(insert->get(), 2, FoldText(documents.texts[document]));
    if (sqlite3_step(insert->get()) != SQLITE_DONE) return Error{store::LastError(db)};
  }
  return Status::Ok();
}

Status WriteParts(sqlite3* db, const std::vector<SavedPart>& parts, std::string_view data_hash,
                  std::string_view embedder) {
  if (Status cleared = store::Execute(db, "DELETE FROM search_index_parts"); !cleared.ok()) return cleared;
  Result<store::Statement> insert = store::Prepare(
      db, "INSERT INTO search_index_parts (name, data_hash, embedder, bytes) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.error();
  for (const SavedPart& part : parts) {
    sqlite3_reset(insert->get());
    BindText(insert->get(), 1, part.name);
    BindText(insert->get(), 2, data_hash);
    BindText(insert->get(), 3, embedder);
    sqlite3_bind_blob64(insert->get(), 4, part.bytes.data(), part.bytes.size(), SQLITE_STATIC);
    if (sqlite3_step(insert->get()) != SQLITE_DONE) return Error{store::LastError(db)};
  }
  return Status::Ok();
}

Result<std::vector<SavedPart>> ReadParts(sqlite3* db, std::string_view data_hash, std::string_view embedder) {
  Result<store::Statement> query =
      store::Prepare(db, "SELECT name, data_hash, embedder, bytes FROM search_index_parts ORDER BY name");
  if (!query.ok()) return query.error();
  std::vector<SavedPart> parts;
  int step = SQLITE_ROW;
  while ((step = sqlite3_step(query->get())) == SQLITE_ROW) {
    if (ColumnString(query->get(), 1) != data_hash)
      return Error{"the data changed since the search index was built"};
    if (const std::string built_by = ColumnString(query->get(), 2); built_by != embedder) {
      return Error{"the search index was built by embedder '" + built_by + "', not '" +
                   std::string(embedder) + "'"};
    }
    parts.push_back({ColumnString(query->get(), 0), ColumnString(query->get(), 3)});
  }
  if (step != SQLITE_DONE) return Error{store::LastError(db)};
  if (parts.empty()) return Error{"no search index is saved yet"};
  return parts;
}

std::string EncodeDocuments(const SearchDocuments& documents) {
  store::image::Writer writer;
  writer.Put<uint64_t>(documents.size());
  writer.Put<uint64_t>(documents.account_count);
  writer.Put<uint64_t>(documents.rows.size());
  writer.PutBytes(documents.kinds.data(), documents.kinds.size() * sizeof(RecordKind));
  writer.PutBytes(documents.row_offsets.data(), documents.row_offsets.size() * sizeof(uint32_t));
  writer.PutBytes(documents.rows.data(), documents.rows.size() * sizeof(int32_t));
  for (size_t document = 0; document < documents.size(); ++document)
    writer.PutString(documents.texts[document]);
  return std::move(writer.bytes());
}

Result<SearchDocuments> DecodeDocuments(std::string_view bytes, const Dataset& data) {
  store::image::MemorySource source(bytes);
  store::image::Reader reader(source);
  SearchDocuments documents;
  const auto count = reader.Get<uint64_t>();
  documents.account_count = reader.Get<uint64_t>();
  const auto rows = reader.Get<uint64_t>();
  // Sizes are checked against what is left before anything is allocated.
  if (!reader.ok() || count > reader.Remaining() || rows > reader.Remaining() / sizeof(int32_t) ||
      documents.account_count != data.accounts.size() || count < documents.account_count) {
    return Error{"the saved search documents do not match the data"};
  }
  reader.GetArray(count, documents.kinds);
  reader.GetArray(count + 1, documents.row_offsets);
  reader.GetArray(rows, documents.rows);
  for (size_t document = 0; reader.ok() && document < count; ++document)
    documents.texts.Append(reader.GetString());
  if (!reader.AtEnd() || documents.row_offsets.front() != 0 || documents.row_offsets.back() != rows) {
    return Error{"the saved search documents are damaged"};
  }
  for (size_t document = 0; document < count; ++document) {
    const bool account = document < documents.account_count;
    if (documents.kinds[document] != (account ? RecordKind::kAccount : RecordKind::kOpportunity) ||
        documents.row_offsets[document] > documents.row_offsets[document + 1] ||
        documents.row_offsets[document + 1] > rows) {
      return Error{"the saved search documents are damaged"};
    }
    const size_t limit = account ? data.accounts.size() : data.opportunities.size();
    for (const int32_t row : documents.Rows(document)) {
      if (row < 0 || static_cast<size_t>(row) >= limit)
        return Error{"the saved search documents do not match the data"};
    }
  }
  return documents;
}

}  // namespace crm::search
