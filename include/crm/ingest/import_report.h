#pragma once
// What an import did: files read, rows kept and dropped, cleaning applied, problems and outliers found.

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/store/import_record.h"

namespace crm::ingest {

//! One cleaning rule applied to one value: `from` became `to` in `count` rows of `file`.
struct CleaningEntry {
  std::string kind;  //!< trim, canonical_stage, typo, reference, duplicate_row, outlier
  std::string file;
  std::string field;
  std::string from;
  std::string to;
  int64_t count = 0;
};

//! A problem with one row; `dropped` tells whether the row was skipped.
struct RowProblem {
  std::string file;
  int64_t line = 0;
  std::string field;
  std::string message;
  bool dropped = true;

  //! One line, e.g. "sales_pipeline.csv:17: close_date: '2017-13-01' is not a date (YYYY-MM-DD); row
  //! dropped".
  std::string ToString() const;
};

//! A numeric value outside the IQR fences of its group: flagged, never altered or removed.
struct OutlierFlag {
  std::string file;
  int64_t line = 0;
  std::string field;
  std::string record;  //!< the opportunity id or account name
  std::string group;   //!< what the fences were computed over, e.g. "Won deals of product GTK 500"
  double value = 0;
  double low_fence = 0;
  double high_fence = 0;
};

//! Rows read, kept and dropped for one file, with its SHA-256: the record the import history keeps.
using FileReport = store::ImportedFile;

//! The full report of one import.
struct ImportReport {
  std::string source;  //!< the folder imported
  std::vector<FileReport> files;
  std::vector<CleaningEntry> cleaning;
  std::vector<RowProblem> problems;   //!< at most kListedProblemsPerFile per file
  int64_t problems_not_listed = 0;    //!< problems beyond the listed ones
  std::vector<std::string> warnings;  //!< file-level warnings (ignored columns, absent optional files)
  std::vector<OutlierFlag> outliers;  //!< at most kListedOutliers
  int64_t outliers_total = 0;

  //! The report as JSON (files, cleaning, problems, warnings, outliers).
  nlohmann::json ToJson() const;
  //! Reads back what ToJson wrote.
  static ImportReport FromJson(const nlohmann::json& json);
  //! Every warning and problem as one line each, for `warnings` in the CLI output.
  std::vector<std::string> WarningLines() const;
  //! Rows dropped over all files.
  int64_t RowsDropped() const;
};

//! How many problems are listed per file before only counting them.
inline constexpr int kListedProblemsPerFile = 200;
//! How many outliers are listed before only counting them.
inline constexpr int kListedOutliers = 200;

}  // namespace crm::ingest
