#pragma once
// Reads deal stages, mapping spelling variants ("won", "ENGAGING ") to the canonical names and counting
// each variant for the cleaning report.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/data/dataset.h"
#include "crm/ingest/import_report.h"

namespace crm::ingest {

//! Canonicalizes stage names, remembering the variants it mapped.
class StageReader {
 public:
  //! The stage written as `text`, or nullopt when it is no stage.
  std::optional<DealStage> Read(std::string_view text) {
    if (auto stage = DealStageFromName(text)) return stage;
    return ReadVariant(text);
  }
  //! Adds the variants seen by `part`, a reader of a later part of the same file, with their counts.
  void Absorb(const StageReader& part) {
    for (const auto& [variant, count] : part.variant_counts_) variant_counts_[variant] += count;
  }
  //! Adds one "canonical_stage" cleaning entry per variant seen.
  void ReportVariants(const std::string& file, std::vector<CleaningEntry>& cleaning) const;

 private:
  std::optional<DealStage> ReadVariant(std::string_view text);

  std::map<std::string, int64_t, std::less<>> variant_counts_;
};

}  // namespace crm::ingest
