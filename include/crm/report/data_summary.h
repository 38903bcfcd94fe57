#pragma once
// The data report shown by `stats` and `import`: what is in the data, what the import fixed, and a first
// summary of the pipeline.

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "crm/data/dataset.h"
#include "crm/ingest/import_report.h"

namespace crm::report {

//! The `stats --json` document (fields in CONTRACTS.md, plus files, activities, date range and pipeline).
nlohmann::json DataSummaryJson(const Dataset& data, const ingest::ImportReport& report);

//! The same for people: counts, rows kept and dropped, cleaning, warnings, pipeline by stage.
std::string DataSummaryText(const Dataset& data, const ingest::ImportReport& report);

}  // namespace crm::report
