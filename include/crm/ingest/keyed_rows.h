#pragma once
// Reads the rows of a small table keyed by its first column: exact duplicate rows are removed, and a key
// repeated with different values is a problem (the later row is dropped).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/common/result.h"
#include "crm/ingest/problem_log.h"
#include "crm/ingest/table_reader.h"

namespace crm::ingest {

//! Reads `path`; `parse(reader)` validates the current row (reporting problems through the reader) and
//! returns the row to keep or nullopt. Row needs `key()`, `line` and operator==.
template <typename Row, typename Parse>
Result<std::vector<Row>> ReadKeyedRows(const std::string& path, std::span<const std::string_view> columns,
                                       ProblemLog& log, Parse parse) {
  auto reader = TableReader::Open(path, columns, log);
  if (!reader.ok()) return reader.error();
  std::vector<Row> rows;
  std::unordered_map<std::string, size_t> row_of_key;
  while (reader->Next()) {
    std::optional<Row> row = parse(*reader);
    if (!row) continue;
    auto [it, added] = row_of_key.emplace(row->key(), rows.size());
    if (added) {
      rows.push_back(std::move(*row));
    } else if (rows[it->second] == *row) {
      reader->Duplicate();
    } else {
      reader->Problem(0, "'" + row->key() + "' already appears on line " +
                             std::to_string(rows[it->second].line) + " with different values");
    }
    if (log.fatal()) return *log.fatal();
  }
  if (reader->error()) return *reader->error();
  if (log.fatal()) return *log.fatal();
  log.report().files.push_back(reader->Finish(log.report().cleaning));
  return rows;
}

}  // namespace crm::ingest
