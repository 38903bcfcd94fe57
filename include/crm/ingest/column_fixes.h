#pragma once
// Cleaning applied to a whole text column of a small table once all its rows are read.

#include <string>
#include <vector>

#include "crm/ingest/import_report.h"
#include "crm/ingest/typo_detector.h"

namespace crm::ingest {

//! Replaces misspelled values of the column (see FindTypos) in place and records one "typo" cleaning
//! entry per correction with the number of rows changed. Empty values are ignored.
void FixColumnTypos(std::vector<std::string*> column, const TypoPolicy& policy, const std::string& file,
                    const std::string& field, std::vector<CleaningEntry>& cleaning);

}  // namespace crm::ingest
