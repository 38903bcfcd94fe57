#pragma once
// Imports a folder of CRM CSV files (Kaggle "CRM Sales Opportunities" layout, plus optional
// activities.csv) into a Dataset, with the report of everything validated, cleaned and flagged.

#include <cstddef>
#include <string>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/ingest/import_report.h"

namespace crm::ingest {

//! How strictly to import.
struct ImportOptions {
  bool strict = false;  //!< any row problem ends the import with an error
  //! activities.csv is parsed on two threads when it has at least this many bytes (the result is the
  //! same as on one thread).
  size_t split_min_bytes = size_t{4} << 20;
};

//! The imported data and its report.
struct ImportResult {
  Dataset data;
  ImportReport report;
};

//! Reads sales_teams.csv, products.csv, accounts.csv, sales_pipeline.csv and, when present,
//! activities.csv from `folder`. Rows that cannot be used are dropped and reported (or, strict, the
//! import fails); an Error names file, line and field. The files' SHA-256 digests are computed on a
//! second thread while parsing.
Result<ImportResult> ImportFolder(const std::string& folder, const ImportOptions& options = {});

//! The files an import reads, in reading order; the last one is optional.
inline constexpr const char* kImportFiles[] = {"sales_teams.csv", "products.csv", "accounts.csv",
                                               "sales_pipeline.csv", "activities.csv"};

}  // namespace crm::ingest
