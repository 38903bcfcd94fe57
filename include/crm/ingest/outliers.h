#pragma once
// Numeric outliers by the IQR rule: flagged in the report, never altered or removed.

#include <cstdint>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/ingest/import_report.h"
#include "crm/ingest/line_map.h"

namespace crm::ingest {

//! The Tukey fences Q1 - 1.5 IQR and Q3 + 1.5 IQR of `values` (quartiles by linear interpolation).
struct Fences {
  double low;
  double high;
};
Fences IqrFences(std::vector<double> values);

//! Flags Won deal values outside their product's fences, and account revenue and employees outside the
//! fences of all accounts. The line vectors hold the source line of each deal and account. Groups of
//! fewer than eight values are not judged.
void FlagOutliers(const Dataset& data, const LineMap& pipeline_lines,
                  const std::vector<int64_t>& account_lines, ImportReport& report);

}  // namespace crm::ingest
