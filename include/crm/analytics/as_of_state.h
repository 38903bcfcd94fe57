#pragma once
// What depends only on the as-of date: the snapshot, the estimates, and facts learned from every deal
// (activity recency, won cycles, stage counts, account health), computed once and shared by all queries
// at that date: on first use, or up front by LearnDealFacts() (the engine does so for its default date,
// whose state it keeps for its whole life).

#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crm/analytics/calendar.h"
#include "crm/analytics/deal_estimates.h"
#include "crm/analytics/model_sources.h"
#include "crm/analytics/snapshot.h"
#include "crm/data/dataset.h"

namespace crm::models {
struct ForecastResult;
class ForecastBasis;
}  // namespace crm::models

namespace crm::analytics {

struct ActivityRecency;
class WonCycles;
struct DealCounts;
struct Insight;
struct AccountHealthReport;
class DealSurvival;

//! The state of the data at one as-of date. Thread-safe: the lazy facts are built under std::call_once.
//! Not movable: the estimates point into the snapshot.
class AsOfState {
 public:
  //! The state at `as_of` of data whose latest date is `latest_day`; months come from `calendar`; open
  //! engaged deals are weighted by the win source of `sources` when there is one.
  AsOfState(const Dataset& data, const Calendar& calendar, int32_t as_of, int32_t latest_day,
            const ModelSources* sources = nullptr);
  ~AsOfState();
  AsOfState(const AsOfState&) = delete;
  AsOfState& operator=(const AsOfState&) = delete;

  PipelineSnapshot snapshot;  //!< with its reference months computed
  const DealEstimates estimates;
  const std::vector<int32_t> visible_rows;  //!< every deal that exists at the as-of date, ascending
  const std::vector<double> won_values;     //!< per deal: close value when won by the as-of date, else 0
  //! Per deal, what the model's probability changes in its expected value against the product's rate
  //! (0 where it has none); empty without a model. Tallies add it to the per-product expected value.
  const std::vector<double> expected_adjustments;

  //! Last activity per deal and account, and the gaps between activities of won deals.
  const ActivityRecency& activity() const;
  //! Engage-to-close days of won deals per product.
  const WonCycles& won_cycles() const;
  //! Stage counts per agent and per account over every deal.
  const DealCounts& deal_counts() const;
  //! Win curves per product by deal age (won, lost and open deals).
  const DealSurvival& deal_survival() const;
  //! Health of every account over every deal (no deal filter).
  const AccountHealthReport& account_health() const;
  //! What the Monte Carlo forecast learns from every deal (a filtered forecast simulates its deals with it).
  const models::ForecastBasis& forecast_basis() const;
  //! The Monte Carlo forecast of won revenue over every deal, each open deal at its win-curve probability.
  const models::ForecastResult& forecast_simulation() const;
  //! The forecast insight over every deal: made by `build` on first use, then kept (it depends on the
  //! as-of date alone).
  const Insight& forecast_insight(const std::function<Insight()>& build) const;
  //! Figures kept under `key` (a filtered query's, depending on the key and this date alone) for the
  //! kKeptFigures most recently used keys: made by `build` when missing.
  std::vector<double> KeptFigures(const std::string& key,
                                  const std::function<std::vector<double>()>& build) const;
  //! How many keys KeptFigures keeps.
  static constexpr size_t kKeptFigures = 16;
  //! Per account row, the account_risk model's probability (NaN where not scored); empty without a model.
  const std::vector<double>& account_risk() const;
  //! What account_risk() comes from ("the account_risk v2 model"); empty without a model.
  const std::string& account_risk_label() const;
  //! Learns the facts from every deal and activity now (activity, won cycles, deal counts, deal survival,
  //! account health), using two threads on large data; the engine does this for its default date.
  void LearnDealFacts() const;
  //! Builds every lazy fact now, the forecast simulation and the model's account risks included (servers
  //! do this at start-up so that no user waits for it).
  void Warm() const;

 private:
  //! A fact computed on first use.
  template <typename T>
  struct Lazy {
    std::once_flag once;
    std::unique_ptr<const T> value;
  };
  template <typename T, typename Build>
  static const T& Get(Lazy<T>& lazy, Build build);

  const Dataset* data_;
  const Calendar* calendar_;
  mutable Lazy<ActivityRecency> activity_;
  mutable Lazy<WonCycles> won_cycles_;
  mutable Lazy<DealCounts> deal_counts_;
  mutable Lazy<DealSurvival> deal_survival_;
  mutable Lazy<AccountHealthReport> account_health_;
  mutable Lazy<models::ForecastBasis> forecast_basis_;
  mutable Lazy<models::ForecastResult> forecast_simulation_;
  mutable Lazy<Insight> forecast_insight_;
  mutable Lazy<std::vector<double>> account_risk_;
  mutable std::mutex kept_mutex_;
  mutable std::list<std::pair<std::string, std::vector<double>>> kept_;  //!< most recently used first
  const std::optional<AccountRiskSource> risk_source_;
};

//! The states of recently queried as-of dates, so that a dashboard's queries at one date share them.
class AsOfStateCache {
 public:
  //! A cache of up to `capacity` states of `data` (latest date `latest_day`) using `sources` if any.
  AsOfStateCache(const Dataset& data, const Calendar& calendar, int32_t latest_day,
                 const ModelSources* sources = nullptr, size_t capacity = 4);
  //! The state at `as_of`: cached, or built now (evicting the least recently used).
  std::shared_ptr<const AsOfState> At(int32_t as_of) const;

 private:
  struct Entry {
    int32_t as_of;
    std::shared_ptr<const AsOfState> state;
    uint64_t last_used;
  };
  const Dataset* data_;
  const Calendar* calendar_;
  int32_t latest_day_;
  const ModelSources* sources_;
  size_t capacity_;
  mutable std::mutex mutex_;
  mutable std::vector<Entry> entries_;
  mutable uint64_t clock_ = 0;
};

}  // namespace crm::analytics
