#include "crm/ingest/stage_reader.h"

#include "crm/ingest/field_parsers.h"

namespace crm::ingest {

std::optional<DealStage> StageReader::ReadVariant(std::string_view text) {
  const auto stage = ParseStageLoosely(text);
  if (!stage) return std::nullopt;
  auto it = variant_counts_.find(text);
  if (it == variant_counts_.end()) it = variant_counts_.emplace(std::string(text), 0).first;
  ++it->second;
  return stage;
}

void StageReader::ReportVariants(const std::string& file, std::vector<CleaningEntry>& cleaning) const {
  for (const auto& [variant, count] : variant_counts_) {
    cleaning.push_back({"canonical_stage", file, "deal_stage", variant,
                        std::string(DealStageName(*ParseStageLoosely(variant))), count});
  }
}

}  // namespace crm::ingest
