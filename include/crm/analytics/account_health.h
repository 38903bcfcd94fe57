#pragma once
// The 0–100 health score of accounts from transparent components (recency, frequency, monetary value,
// win-rate trend, pipeline coverage, activity), with the inputs behind each component. Shared by the
// account_health, at_risk_accounts and account_prioritization insights, the account summary agent and
// the web account page. The formula is documented in docs/analytics/account_health.md.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "crm/analytics/query_context.h"

namespace crm::analytics {

//! The components of the health score, in table order.
enum class HealthComponent { kRecency, kFrequency, kMonetary, kWinTrend, kPipelineCoverage, kActivity };
inline constexpr int kHealthComponentCount = 6;

//! The column name of a component ("recency", "win_trend", …).
std::string_view HealthComponentName(HealthComponent component);
//! The weight of a component in the score (the weights sum to 1).
double HealthComponentWeight(HealthComponent component);

//! The band of a score: Healthy from 70, Watch from 40, At risk below 40.
enum class HealthBand { kHealthy, kWatch, kAtRisk };
inline constexpr double kHealthyFrom = 70;
inline constexpr double kWatchFrom = 40;

//! "Healthy", "Watch" or "At risk".
std::string_view HealthBandName(HealthBand band);
//! The band of a score (At risk for NaN).
HealthBand BandOfScore(double score);

//! Days of the windows the components look at, and the sample sizes they need.
inline constexpr int32_t kHealthYearDays = 365;          //!< frequency and monetary window
inline constexpr int32_t kHealthRecentDays = 180;        //!< recent win-rate window
inline constexpr int64_t kHealthMinTrendDeals = 5;       //!< closed deals needed on each side of the trend
inline constexpr int64_t kHealthMinOwnGaps = 2;          //!< gaps between win days for an own buying rhythm
inline constexpr int32_t kHealthRhythmWindowDays = 730;  //!< wins that far back count for the buying rhythm
inline constexpr double kHealthActivityFloorDays = 7;    //!< least typical days since last activity

//! One account's health: the inputs from its deals at the as-of date, the components and the score.
struct AccountHealthScore {
  int32_t account = kNoIndex;  //!< row in Dataset::accounts
  bool selected = false;       //!< passes the account, sector and country filters
  int64_t won = 0;
  int64_t lost = 0;
  int64_t open = 0;
  double won_value = 0;
  double open_value = 0;       //!< estimated values of the open deals (unvalued ones left out)
  int64_t wins_last_year = 0;  //!< won deals closed in the last kHealthYearDays days
  double won_value_last_year = 0;
  double days_since_last_win = kNoNumber;
  double buying_rhythm_days = kNoNumber;  //!< own median gap between win days, else the typical rhythm
  bool own_rhythm = false;
  int64_t recent_won = 0;  //!< closed in the last kHealthRecentDays days
  int64_t recent_closed = 0;
  int64_t earlier_won = 0;  //!< closed before that
  int64_t earlier_closed = 0;
  double recent_win_rate = kNoNumber;
  double earlier_win_rate = kNoNumber;
  double average_quarterly_won = kNoNumber;    //!< won value / quarters since the account's first deal
  double pipeline_coverage_ratio = kNoNumber;  //!< open value / average quarterly won value
  double days_since_activity = kNoNumber;
  int64_t loss_run = 0;  //!< lost deals closed after the last win day (all losses without a win)
  std::array<double, kHealthComponentCount> components{};  //!< 0–100, NaN when absent
  double score = kNoNumber;
  HealthBand band = HealthBand::kAtRisk;

  //! The value of one component.
  double component(HealthComponent which) const { return components[static_cast<size_t>(which)]; }
  //! Won + lost.
  int64_t closed() const { return won + lost; }
};

//! Health of every account with a deal under the query's deal-level filters, and what was learned.
struct AccountHealthReport {
  //! Accounts with a deal among the peer deals, ascending by row; `selected` marks the query's accounts.
  std::vector<AccountHealthScore> accounts;
  int64_t deals_without_account = 0;  //!< selected deals that name no account
  bool activities = false;            //!< the data has activities, so the activity component counts
  bool open_deals_counted = true;     //!< false when the stage filter keeps closed deals only (no coverage)
  bool win_rates_counted = true;      //!< false under any stage filter (no win-rate trend)
  double typical_rhythm_days = kNoNumber;    //!< median of the accounts' own buying rhythms
  double overdue_factor = 0;                 //!< days since last win / rhythm at which recency reaches 0
  int64_t normalised_gaps = 0;               //!< gaps the overdue factor was learned from
  double typical_activity_days = kNoNumber;  //!< the activity component's scale, in days
  double peer_win_rate = kNoNumber;          //!< won / closed over the peer deals
};

//! The deals accounts are compared on: the query's deals, or, when account filters are on, the deals
//! under the other filters (so a score does not depend on which accounts are shown).
class PeerDeals {
 public:
  explicit PeerDeals(const QueryContext& query);
  //! The deal rows, ascending.
  std::span<const int32_t> rows() const {
    return widened_ ? std::span<const int32_t>(own_rows_) : query_rows_;
  }
  //! True when these are more deals than the query's.
  bool widened() const { return widened_; }

 private:
  std::span<const int32_t> query_rows_;
  bool widened_;
  std::vector<int32_t> own_rows_;
};

//! Scores every account of the peer deals at the query's as-of date.
AccountHealthReport ScoreAccountHealth(const QueryContext& query, const PeerDeals& peers);
//! Same, with the peer deals of the query.
AccountHealthReport ScoreAccountHealth(const QueryContext& query);

}  // namespace crm::analytics
