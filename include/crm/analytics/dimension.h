#pragma once
// The dimensions an insight can group by (`--by`), named as in CONTRACTS.md.

#include <optional>
#include <string_view>
#include <vector>

namespace crm::analytics {

//! A grouping dimension of deals.
enum class Dimension {
  kDealStage,
  kProduct,
  kSeries,
  kSector,
  kSalesAgent,
  kManager,
  kRegionalOffice,
  kAccount,
  kCountry,
  kMonth,
  kQuarter,
};

//! The contract name of a dimension ("deal_stage", "sales_agent", "month", …).
std::string_view DimensionName(Dimension dimension);
//! The dimension with this contract name (case-insensitive), or nullopt.
std::optional<Dimension> DimensionFromName(std::string_view name);
//! Every dimension, in contract order.
const std::vector<Dimension>& AllDimensions();

}  // namespace crm::analytics
