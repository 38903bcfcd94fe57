#pragma once
// The in-memory CRM: small master tables as rows, opportunities and activities as columns.
// Strings are dictionary-encoded, dates are day numbers, references are resolved to row indexes.

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "crm/common/date.h"
#include "crm/data/row_index.h"
#include "crm/data/string_column.h"
#include "crm/data/string_dictionary.h"

namespace crm {

//! Marks a missing number in a double column.
inline constexpr double kNoNumber = std::numeric_limits<double>::quiet_NaN();
//! Marks a missing integer.
inline constexpr int64_t kNoInteger = std::numeric_limits<int64_t>::min();

//! True when a double holds a value (not kNoNumber).
inline bool HasValue(double value) { return !std::isnan(value); }

//! The stages of a deal, in funnel order.
enum class DealStage : uint8_t { kProspecting = 0, kEngaging = 1, kWon = 2, kLost = 3 };
inline constexpr int kDealStageCount = 4;

//! Canonical name of a stage ("Prospecting", "Engaging", "Won", "Lost").
std::string_view DealStageName(DealStage stage);
//! The stage with exactly this canonical name.
std::optional<DealStage> DealStageFromName(std::string_view name);
//! True for Won and Lost.
inline bool IsClosed(DealStage stage) { return stage == DealStage::kWon || stage == DealStage::kLost; }

//! The mark of a missing code or row in a column narrower than int32: kNoIndex converted, the type's
//! largest value (activity types keep codes 0..254 in a byte, activities' agents rows 0..65,534).
template <typename Narrow>
inline constexpr Narrow kNoNarrow = static_cast<Narrow>(kNoIndex);

//! `value` (a code, a row or kNoIndex) as an unsigned narrow column keeps it; nullopt when it does not fit.
template <typename Narrow>
std::optional<Narrow> ToNarrow(int32_t value) {
  static_assert(std::is_unsigned_v<Narrow> && sizeof(Narrow) < sizeof(int32_t));
  if (value == kNoIndex) return kNoNarrow<Narrow>;
  if (value < 0 || value >= static_cast<int32_t>(kNoNarrow<Narrow>)) return std::nullopt;
  return static_cast<Narrow>(value);
}

//! The code or row a column keeps, narrow or int32, as an int32 (kNoIndex for its missing mark).
template <typename Code>
int32_t FromNarrow(Code value) {
  return value == kNoNarrow<Code> ? kNoIndex : static_cast<int32_t>(value);
}

//! A customer company (accounts.csv).
struct Account {
  std::string name;
  int32_t sector = kNoIndex;            //!< code in Dataset::sectors
  int32_t year_established = kNoIndex;  //!< kNoIndex when missing
  double revenue = kNoNumber;           //!< annual revenue, millions of USD
  int64_t employees = kNoInteger;
  int32_t office_location = kNoIndex;  //!< code in Dataset::countries
  std::string subsidiary_of;           //!< parent's name as given; empty when none
  int32_t parent = kNoIndex;           //!< parent's row, resolved by BuildIndexes
};

//! A product of the catalogue (products.csv).
struct Product {
  std::string name;
  int32_t series = kNoIndex;  //!< code in Dataset::series
  double sales_price = kNoNumber;
};

//! A sales agent with their manager and office (sales_teams.csv).
struct SalesAgent {
  std::string name;
  int32_t manager = kNoIndex;          //!< code in Dataset::managers
  int32_t regional_office = kNoIndex;  //!< code in Dataset::regional_offices
};

//! Opportunities (sales_pipeline.csv), one entry per deal in every column.
struct OpportunityColumns {
  StringColumn id;
  std::vector<int32_t> sales_agent;  //!< row in Dataset::sales_agents
  std::vector<int32_t> product;      //!< row in Dataset::products
  std::vector<int32_t> account;      //!< row in Dataset::accounts, kNoIndex when missing
  std::vector<DealStage> deal_stage;
  std::vector<int32_t> engage_date;  //!< kNoDay when missing (Prospecting)
  std::vector<int32_t> close_date;   //!< kNoDay when missing (open deals)
  std::vector<double> close_value;   //!< kNoNumber when missing (open deals)

  //! Number of deals.
  size_t size() const { return deal_stage.size(); }
  //! Reserves room for `rows` deals.
  void Reserve(size_t rows);
  //! Removes the deals listed in `rows` (ascending).
  void EraseRows(const std::vector<int32_t>& rows);
  //! Appends the deals of `tail`, whose columns are released one by one as they are copied.
  void MoveRowsFrom(OpportunityColumns& tail);
};

//! Sales activities (activities.csv, optional): calls, emails, meetings, demos.
struct ActivityColumns {
  StringColumn id;
  std::vector<int32_t> date;          //!< day number
  std::vector<uint8_t> type;          //!< code in Dataset::activity_types (narrow: see FromNarrow)
  std::vector<uint16_t> sales_agent;  //!< row in Dataset::sales_agents (narrow: see FromNarrow)
  std::vector<int32_t> account;       //!< row in Dataset::accounts, kNoIndex when missing
  std::vector<int32_t> opportunity;   //!< row in OpportunityColumns, kNoIndex when not known
  std::vector<int32_t> subject;       //!< code in Dataset::activity_subjects (subjects repeat a lot)

  //! Number of activities.
  size_t size() const { return date.size(); }
  //! Reserves room for `rows` activities.
  void Reserve(size_t rows);
  //! Removes the activities listed in `rows` (ascending).
  void EraseRows(const std::vector<int32_t>& rows);
  //! Appends the activities of `tail`, whose columns are released one by one as they are copied.
  void MoveRowsFrom(ActivityColumns& tail);
};

//! The whole CRM in memory; built by the importer or loaded from the store.
struct Dataset {
  StringDictionary sectors;
  StringDictionary countries;
  StringDictionary series;
  StringDictionary managers;
  StringDictionary regional_offices;
  StringDictionary activity_types;
  StringDictionary activity_subjects;

  std::vector<Account> accounts;
  std::vector<Product> products;
  std::vector<SalesAgent> sales_agents;
  OpportunityColumns opportunities;
  ActivityColumns activities;
  //! For a part cut out of larger data (access::ScopeDataset): the whole data's latest date, below which
  //! LatestDate never goes, so that every part is as of the same day. kNoDay otherwise.
  int32_t latest_date_floor = kNoDay;

  //! Rebuilds the name and id lookups and resolves account parents; call after filling the tables.
  void BuildIndexes();
  //! Row of the account with this exact name, or kNoIndex.
  int32_t FindAccount(std::string_view name) const;
  //! Row of the product with this exact name, or kNoIndex.
  int32_t FindProduct(std::string_view name) const;
  //! Row of the sales agent with this exact name, or kNoIndex.
  int32_t FindSalesAgent(std::string_view name) const;
  //! Row of the opportunity with this id (the first, if repeated), or kNoIndex.
  int32_t FindOpportunity(std::string_view id) const;
  //! Pairs (row, first row) of opportunities whose id repeats an earlier one's; needs BuildIndexes.
  std::vector<std::pair<int32_t, int32_t>> RepeatedOpportunityIds() const;
  //! The latest date present anywhere in the data, or latest_date_floor when later (kNoDay when neither).
  int32_t LatestDate() const;
  //! Approximate bytes held, for benchmarks.
  size_t MemoryBytes() const;

 private:
  RowIndex account_rows_;
  RowIndex product_rows_;
  RowIndex agent_rows_;
  RowIndex opportunity_rows_;
};

}  // namespace crm
