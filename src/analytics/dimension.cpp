#include "crm/analytics/dimension.h"

#include <algorithm>
#include <cctype>

namespace crm::analytics {

std::string_view DimensionName(Dimension dimension) {
  switch (dimension) {
    case Dimension::kDealStage:
      return "deal_stage";
    case Dimension::kProduct:
      return "product";
    case Dimension::kSeries:
      return "series";
    case Dimension::kSector:
      return "sector";
    case Dimension::kSalesAgent:
      return "sales_agent";
    case Dimension::kManager:
      return "manager";
    case Dimension::kRegionalOffice:
      return "regional_office";
    case Dimension::kAccount:
      return "account";
    case Dimension::kCountry:
      return "country";
    case Dimension::kMonth:
      return "month";
    case Dimension::kQuarter:
      return "quarter";
  }
  return "";
}

const std::vector<Dimension>& AllDimensions() {
  static const std::vector<Dimension> all = {
      Dimension::kDealStage,  Dimension::kProduct, Dimension::kSeries,         Dimension::kSector,
      Dimension::kSalesAgent, Dimension::kManager, Dimension::kRegionalOffice, Dimension::kAccount,
      Dimension::kCountry,    Dimension::kMonth,   Dimension::kQuarter};
  return all;
}

std::optional<Dimension> DimensionFromName(std::string_view name) {
  const auto same = [&](std::string_view known) {
    return known.size() == name.size() &&
           std::equal(known.begin(), known.end(), name.begin(), [](char a, char b) {
             return a == std::tolower(static_cast<unsigned char>(b)) || (a == '_' && (b == '-' || b == ' '));
           });
  };
  for (Dimension dimension : AllDimensions()) {
    if (same(DimensionName(dimension))) return dimension;
  }
  return std::nullopt;
}

}  // namespace crm::analytics
