#pragma once
// The import history kept by the store: which files each import read and what it did with them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"

namespace crm::store {

//! One source file of an import, as recorded in the import history.
struct ImportedFile {
  std::string name;
  std::string sha256;
  int64_t rows_read = 0;
  int64_t rows_kept = 0;
  int64_t rows_dropped = 0;

  bool operator==(const ImportedFile&) const = default;
};

//! One import: when, from where, which files, and its report (a JSON document written by the importer).
struct ImportRecord {
  int64_t id = 0;           //!< assigned by the store; ignored by ReplaceAll
  std::string started_at;   //!< ISO 8601 UTC
  std::string finished_at;  //!< ISO 8601 UTC
  std::string source;       //!< where the files came from, e.g. a folder
  std::vector<ImportedFile> files;
  std::string report_json;  //!< stored and returned verbatim

  bool operator==(const ImportRecord&) const = default;
};

//! The files as a JSON array of objects, the form kept in import_history.files.
std::string ImportedFilesToJson(const std::vector<ImportedFile>& files);

//! Reads the form written by ImportedFilesToJson; an Error says what is malformed.
Result<std::vector<ImportedFile>> ImportedFilesFromJson(std::string_view json);

}  // namespace crm::store
