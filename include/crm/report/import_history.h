#pragma once
// The import history for people: each import with what its cleaning fixed, flagged and dropped.

#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/store/import_record.h"

namespace crm::report {

//! {imports: [{id, started_at, finished_at, source, files, fixed, flagged, dropped, problems, report}]},
//! newest first as given. `fixed` counts the values the cleaning changed or removed (every kind but
//! outlier), `flagged` the outliers, `dropped` the rows dropped; `report` is the import's report (files,
//! cleaning, problems, warnings, outliers), null with a `report_note` when the stored one is damaged.
nlohmann::json ImportHistoryJson(const std::vector<store::ImportRecord>& records);

}  // namespace crm::report
