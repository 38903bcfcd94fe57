#pragma once
// Collects row problems during an import; in strict mode the first one ends the import.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "crm/common/result.h"
#include "crm/ingest/import_report.h"

namespace crm::ingest {

//! Records problems into an ImportReport and decides whether the import may go on.
class ProblemLog {
 public:
  ProblemLog(ImportReport& report, bool strict) : report_(report), strict_(strict) {}

  //! Records a problem with one row (`dropped`: the row is skipped). Lists the first problems of each
  //! file and counts the rest; in strict mode the first problem becomes the import's fatal error.
  void Row(const std::string& file, int64_t line, std::string_view field, std::string message, bool dropped);
  //! Records a file-level warning (never fatal).
  void Warn(std::string message) { report_.warnings.push_back(std::move(message)); }
  //! The error that ends the import, once a strict-mode problem was seen.
  const std::optional<Error>& fatal() const { return fatal_; }
  //! True when the first problem ends the import.
  bool strict() const { return strict_; }
  //! Records the row problems of `part`, a report filled by another ProblemLog for a later part of a
  //! file whose lines it counted from 0: `line_offset` is added to each. Keeps the order, the per-file
  //! listing limit and strict mode's first problem as if this log had seen them.
  void Absorb(const ImportReport& part, int64_t line_offset);
  //! The report being filled.
  ImportReport& report() { return report_; }

 private:
  ImportReport& report_;
  bool strict_;
  std::optional<Error> fatal_;
  std::map<std::string, int64_t> listed_per_file_;
};

}  // namespace crm::ingest
