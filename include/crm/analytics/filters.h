#pragma once
// Insight filters: what the user typed (FilterRequest) and what it resolves to in the data (DealFilter).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/analytics/dimension.h"
#include "crm/analytics/period.h"
#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::analytics {

//! Filters as given on the command line or in a query string; empty means "not given".
struct FilterRequest {
  std::string sector;
  std::string regional_office;
  std::string manager;
  std::string sales_agent;
  std::string product;
  std::string series;
  std::string country;
  std::string account;
  std::string deal_stage;
  std::string period;
  std::string top;
  std::string by;
  std::string as_of;

  //! The fields by contract name, for binding to options and query parameters.
  std::vector<std::pair<std::string_view, std::string*>> Fields();
};

//! Filters resolved against the loaded data: codes and rows, canonical spelling kept for output.
struct DealFilter {
  int32_t sector = kNoIndex;           //!< code in Dataset::sectors
  int32_t regional_office = kNoIndex;  //!< code in Dataset::regional_offices
  int32_t manager = kNoIndex;          //!< code in Dataset::managers
  int32_t sales_agent = kNoIndex;      //!< row in Dataset::sales_agents
  int32_t product = kNoIndex;          //!< row in Dataset::products
  int32_t series = kNoIndex;           //!< code in Dataset::series
  int32_t country = kNoIndex;          //!< code in Dataset::countries
  int32_t account = kNoIndex;          //!< row in Dataset::accounts
  std::optional<DealStage> deal_stage;
  std::optional<Period> period;
  int top = 0;  //!< 0: the insight's default
  std::optional<Dimension> by;
  int32_t as_of = kNoDay;  //!< always set after resolution
  bool as_of_given = false;
  std::vector<std::pair<std::string, std::string>> applied;  //!< name → canonical value, for output

  //! True when any filter narrows the deals by account (account, sector or country).
  bool FiltersAccounts() const { return account != kNoIndex || sector != kNoIndex || country != kNoIndex; }
  //! True when the account row (kNoIndex: a deal without one) passes the account, sector and country
  //! filters.
  bool PassesAccount(const Dataset& data, int32_t row) const;
  //! The same filter without its account, sector and country filters.
  DealFilter WithoutAccountFilters() const;
};

//! Resolves names case-insensitively against the data; an unknown name is an error listing what exists.
//! The as-of date defaults to `latest_day`, the latest date in the data (today when that is kNoDay), or
//! to the last day of the period filter when that is earlier.
Result<DealFilter> ResolveFilters(const Dataset& data, const FilterRequest& request, int32_t latest_day);

}  // namespace crm::analytics
