#pragma once
// Deterministic demo data in the layout of the Kaggle "CRM Sales Opportunities" set, plus an activity log.

#include <cstdint>
#include <string>

#include "crm/common/result.h"

namespace crm::demo {

//! Most opportunities GenerateDemoData accepts (ids and dates stay valid far beyond this).
inline constexpr uint64_t kMaxOpportunities = 1'000'000'000;

//! What to generate.
struct DemoOptions {
  std::string out_dir;            //!< folder for the CSV files, created if needed
  uint64_t seed = 42;             //!< same seed and size give byte-identical files
  uint64_t opportunities = 8800;  //!< rows of sales_pipeline.csv
};

//! Writes accounts.csv, products.csv, sales_teams.csv, sales_pipeline.csv, activities.csv and
//! data_dictionary.csv into out_dir (created if needed), streaming the pipeline and activity rows.
//! The Error names the file on I/O failure. See docs/DEMO_DATA.md.
Status GenerateDemoData(const DemoOptions& options);

}  // namespace crm::demo
