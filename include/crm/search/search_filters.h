#pragma once
// Structured filters of a search: canonical names as in the data and numeric conditions on accounts.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::search {

//! A numeric field of accounts that a condition can test.
enum class AccountField : uint8_t { kEmployees, kRevenue, kYearEstablished };

//! "employees", "revenue" or "year_established".
std::string_view AccountFieldName(AccountField field);
//! The field with this name, if any.
std::optional<AccountField> AccountFieldFromName(std::string_view name);

//! `field op value`, e.g. employees > 1000 (revenue in millions of USD, as in the data). A missing value
//! never passes.
struct NumericCondition {
  AccountField field = AccountField::kEmployees;
  char op = '>';  //!< '<' or '>' (strict)
  double value = 0.0;
};

//! What results must match. Empty strings filter nothing. Opportunities pass the account filters
//! through their account; accounts pass the deal filters (stage, product, agent) when one of their deals
//! passes them all.
struct SearchFilters {
  std::string sector{};                     //!< e.g. "technology"
  std::string country{};                    //!< the account's office location, e.g. "United States"
  std::string deal_stage{};                 //!< "Prospecting", "Engaging", "Won" or "Lost"
  std::string product{};                    //!< e.g. "GTX Pro"
  std::string sales_agent{};                //!< e.g. "Darcel Schlecht"
  std::vector<NumericCondition> numeric{};  //!< all must hold

  //! True when nothing is filtered.
  bool empty() const {
    return sector.empty() && country.empty() && deal_stage.empty() && product.empty() &&
           sales_agent.empty() && numeric.empty();
  }
};

//! SearchFilters resolved against one dataset (names to codes), to test records quickly.
class ResolvedFilters {
 public:
  //! Resolves names case-insensitively to the data's canonical ones; an unknown name is an Error that
  //! lists the known ones, a condition with another op or a non-finite value an Error too.
  static Result<ResolvedFilters> Resolve(const SearchFilters& filters, const Dataset& data);

  //! True when a deal filter (stage, product or sales agent) is set.
  bool HasDealFilters() const { return stage_ != kNoIndex || product_ != kNoIndex || agent_ != kNoIndex; }
  //! True when an account filter (sector, country or a numeric condition) is set.
  bool HasAccountFilters() const { return sector_ != kNoIndex || country_ != kNoIndex || !numeric_.empty(); }
  //! True when the account at `row` passes the sector, country and numeric filters; appends to
  //! `reasons` (when given) a phrase per filter passed ("technology", "2,822 employees > 1,000").
  bool AccountPasses(int32_t row, std::vector<std::string>* reasons) const;
  //! True when a deal of this product, agent and stage passes the deal filters; appends the phrases.
  bool DealPasses(int32_t product, int32_t agent, DealStage stage, std::vector<std::string>* reasons) const;
  //! True when the deal at `row` passes the deal filters and its account the account filters (a deal
  //! without an account passes no account filter).
  bool OpportunityPasses(int32_t row, std::vector<std::string>* reasons) const;

 private:
  explicit ResolvedFilters(const Dataset& data) : data_(&data) {}

  const Dataset* data_;
  int32_t sector_ = kNoIndex;
  int32_t country_ = kNoIndex;
  int32_t stage_ = kNoIndex;  //!< a DealStage's value
  int32_t product_ = kNoIndex;
  int32_t agent_ = kNoIndex;
  std::vector<NumericCondition> numeric_;
};

}  // namespace crm::search
