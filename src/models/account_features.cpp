#include "crm/models/account_features.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>

#include "crm/models/account_timeline.h"

namespace crm::models {

namespace {

//! The columns, in matrix order; the activity columns come last so that they can be left off.
enum Column : size_t {
  kSector,
  kRevenue,
  kEmployees,
  kCountry,
  kHasParent,
  kYearsEstablished,
  kWonDeals,
  kWonRevenue,
  kWonDealsBefore,
  kWonRevenueBefore,
  kLostDeals,
  kWinRate,
  kDaysSinceWin,
  kDaysSinceEngagement,
  kOpenDeals,
  kOpenListValue,
  kOpenDealAge,
  kActivities,
  kDaysSinceActivity,
  kColumnCount
};
constexpr size_t kColumnsWithoutActivities = kActivities;

//! Name, description and kind of a column.
struct ColumnText {
  const char* name;
  const char* description;
  FeatureKind kind = FeatureKind::kNumeric;
};

constexpr std::array<ColumnText, kColumnCount> kColumnTexts = {{
    {"sector", "the account's sector", FeatureKind::kCategorical},
    {"revenue", "the account's annual revenue (millions of USD)"},
    {"employees", "the account's number of employees"},
    {"office_country", "the country of the account's office", FeatureKind::kCategorical},
    {"has_parent", "the account belongs to a parent company (1 yes, 0 no)"},
    {"years_established", "years since the account was established"},
    {"won_deals_last_90_days", "won deals in the last 90 days"},
    {"won_revenue_last_90_days", "won revenue in the last 90 days"},
    {"won_deals_previous_90_days", "won deals in the 90 days before those"},
    {"won_revenue_previous_90_days", "won revenue in the 90 days before those"},
    {"lost_deals_last_90_days", "lost deals in the last 90 days"},
    {"win_rate", "the share of the account's closed deals that were won"},
    {"days_since_last_win", "days since the account's last won deal"},
    {"days_since_last_engagement", "days since a deal with the account was last engaged"},
    {"open_deals", "deals in progress with the account (engaged, not yet closed)"},
    {"open_list_value", "list price of the deals in progress"},
    {"open_deal_mean_age", "average days the deals in progress have been open"},
    {"activities_last_90_days", "calls, emails and meetings with the account in the last 90 days"},
    {"days_since_last_activity", "days since the last call, email or meeting with the account"},
}};

//! Each deal's day by `day_of(row)`, kNoDay for the deals it leaves out.
template <typename DayOf>
std::vector<int32_t> DealDays(const OpportunityColumns& deals, DayOf day_of) {
  std::vector<int32_t> days(deals.size());
  for (size_t i = 0; i < deals.size(); ++i) days[i] = day_of(i);
  return days;
}

//! Days from `since` to `day`, NaN when `since` is kNoDay.
float DaysSince(int32_t since, int32_t day) {
  return since == kNoDay ? kMissingFeature : static_cast<float>(day - since);
}

//! A float of a value that may be missing.
float Number(double value) { return HasValue(value) ? static_cast<float>(value) : kMissingFeature; }

//! A float of a code that may be kNoIndex.
float Code(int32_t code) { return code == kNoIndex ? kMissingFeature : static_cast<float>(code); }

//! The deals in progress with each account at a day: engaged on or before it and not closed by then.
//! A closed deal without a close date closed at an unknown time and is never counted in progress.
class OpenDeals {
 public:
  explicit OpenDeals(const Dataset& data)
      : engaged_(data.accounts.size(), data.opportunities.account, data.opportunities.engage_date),
        closed_(data.accounts.size(), data.opportunities.account,
                DealDays(data.opportunities, [&](size_t i) { return ClosingDay(data.opportunities, i); })) {
    const OpportunityColumns& deals = data.opportunities;
    const auto price = [&](int32_t row) {
      const int32_t product = deals.product[row];
      const double value = product == kNoIndex ? kNoNumber : data.products[product].sales_price;
      return HasValue(value) ? value : 0.0;
    };
    const auto engage_day = [&](int32_t row) { return static_cast<double>(deals.engage_date[row]); };
    engaged_price_ = engaged_.Cumulate(price);
    engaged_day_ = engaged_.Cumulate(engage_day);
    closed_price_ = closed_.Cumulate(price);
    closed_day_ = closed_.Cumulate(engage_day);
  }

  //! The deals engaged on or before `day` and their engage dates.
  const AccountTimeline& engaged() const { return engaged_; }
  //! Number of deals in progress.
  int32_t Count(int32_t account, int32_t day) const {
    return engaged_.CountUpTo(account, day) - closed_.CountUpTo(account, day);
  }
  //! Their total list price (products without a price add nothing).
  double ListValue(int32_t account, int32_t day) const {
    return engaged_.SumUpTo(engaged_price_, account, day) - closed_.SumUpTo(closed_price_, account, day);
  }
  //! Their mean days since engagement, NaN when there is none.
  float MeanAge(int32_t account, int32_t day) const {
    const int32_t count = Count(account, day);
    if (count == 0) return kMissingFeature;
    const double engage_days =
        engaged_.SumUpTo(engaged_day_, account, day) - closed_.SumUpTo(closed_day_, account, day);
    return static_cast<float>(day - engage_days / count);
  }

 private:
  //! The day an engaged deal stopped being in progress: its close date, or its engage date when it is
  //! closed without one; kNoDay while open or never engaged.
  static int32_t ClosingDay(const OpportunityColumns& deals, size_t i) {
    if (deals.engage_date[i] == kNoDay || !IsClosed(deals.deal_stage[i])) return kNoDay;
    return std::max(deals.close_date[i], deals.engage_date[i]);
  }

  AccountTimeline engaged_, closed_;
  std::vector<double> engaged_price_, engaged_day_, closed_price_, closed_day_;
};

//! Every dated fact of every account, grouped for window queries.
struct AccountFacts {
  explicit AccountFacts(const Dataset& data)
      : won(data, DealStage::kWon), lost(data, DealStage::kLost), open(data) {
    if (data.activities.size() > 0) {
      activities.emplace(data.accounts.size(), data.activities.account, data.activities.date);
    }
  }
  ClosedDeals won;
  ClosedDeals lost;
  OpenDeals open;
  std::optional<AccountTimeline> activities;  //!< absent when the data has no activities
};

//! The columns taken from the account's own fields.
void FillAccount(const Account& account, int32_t day, std::span<float> row) {
  row[kSector] = Code(account.sector);
  row[kRevenue] = Number(account.revenue);
  row[kEmployees] = account.employees == kNoInteger ? kMissingFeature : static_cast<float>(account.employees);
  row[kCountry] = Code(account.office_location);
  row[kHasParent] = account.subsidiary_of.empty() ? 0.0f : 1.0f;
  row[kYearsEstablished] = account.year_established == kNoIndex
                               ? kMissingFeature
                               : static_cast<float>(CivilFromDays(day).year - account.year_established);
}

//! The columns counted from the account's deals and activities dated on or before the example day.
void FillHistory(const AccountFacts& facts, AccountExample example, std::span<float> row) {
  const int32_t a = example.account, t = example.day, h = kAccountRiskHorizonDays;
  row[kWonDeals] = static_cast<float>(facts.won.Count(a, t - h, t));
  row[kWonRevenue] = static_cast<float>(facts.won.Revenue(a, t - h, t));
  row[kWonDealsBefore] = static_cast<float>(facts.won.Count(a, t - 2 * h, t - h));
  row[kWonRevenueBefore] = static_cast<float>(facts.won.Revenue(a, t - 2 * h, t - h));
  row[kLostDeals] = static_cast<float>(facts.lost.Count(a, t - h, t));
  const int32_t won = facts.won.deals.CountUpTo(a, t), closed = won + facts.lost.deals.CountUpTo(a, t);
  row[kWinRate] = closed == 0 ? kMissingFeature : static_cast<float>(won) / static_cast<float>(closed);
  row[kDaysSinceWin] = DaysSince(facts.won.deals.LastDay(a, t), t);
  row[kDaysSinceEngagement] = DaysSince(facts.open.engaged().LastDay(a, t), t);
  row[kOpenDeals] = static_cast<float>(facts.open.Count(a, t));
  row[kOpenListValue] = static_cast<float>(facts.open.ListValue(a, t));
  row[kOpenDealAge] = facts.open.MeanAge(a, t);
  if (!facts.activities) return;
  row[kActivities] = static_cast<float>(facts.activities->Count(a, t - h, t));
  row[kDaysSinceActivity] = DaysSince(facts.activities->LastDay(a, t), t);
}

//! The category names of a column: the dictionary its codes index, none for a numeric column.
std::vector<std::string> Categories(const Dataset& data, size_t column) {
  if (column == kSector) return data.sectors.values();
  if (column == kCountry) return data.countries.values();
  return {};
}

//! Positions of the examples by account (stable), so that each account's events are read while cached.
std::vector<size_t> ByAccount(std::span<const AccountExample> examples) {
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return examples[a].account < examples[b].account; });
  return order;
}

}  // namespace

std::vector<FeatureSpec> AccountRiskFeatureSpecs(const Dataset& data) {
  const size_t count = data.activities.size() > 0 ? kColumnCount : kColumnsWithoutActivities;
  std::vector<FeatureSpec> specs;
  specs.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    const ColumnText& text = kColumnTexts[i];
    specs.push_back({text.name, text.description, text.kind, Categories(data, i)});
  }
  return specs;
}

FeatureMatrix BuildAccountFeatures(const Dataset& data, std::span<const AccountExample> examples) {
  FeatureMatrix matrix;
  matrix.features = AccountRiskFeatureSpecs(data);
  const size_t columns = matrix.columns();
  matrix.values.resize(examples.size() * columns);
  const AccountFacts facts(data);
  for (size_t i : ByAccount(examples)) {
    const std::span<float> row(matrix.values.data() + i * columns, columns);
    FillAccount(data.accounts[examples[i].account], examples[i].day, row);
    FillHistory(facts, examples[i], row);
  }
  return matrix;
}

}  // namespace crm::models
