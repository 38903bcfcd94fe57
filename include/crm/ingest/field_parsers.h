#pragma once
// Strict parsers for the numbers and stages found in CRM files.

#include <cstdint>
#include <optional>
#include <string_view>

#include "crm/data/dataset.h"

namespace crm::ingest {

//! A decimal number such as "1100.04" or "-3"; nullopt for anything else (including inf and nan).
std::optional<double> ParseDecimal(std::string_view text);

//! A whole number such as "2822" (also "2822.0"); nullopt for anything else.
std::optional<int64_t> ParseWholeNumber(std::string_view text);

//! A stage name in any letter case and spacing ("won", " WON", "Engaging"), or nullopt.
std::optional<DealStage> ParseStageLoosely(std::string_view text);

}  // namespace crm::ingest
