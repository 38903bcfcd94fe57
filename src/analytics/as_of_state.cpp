#include "crm/analytics/as_of_state.h"

#include <algorithm>

#include "crm/analytics/account_health.h"
#include "crm/analytics/activity_recency.h"
#include "crm/analytics/deal_counts.h"
#include "crm/analytics/deal_survival.h"
#include "crm/analytics/insight.h"
#include "crm/analytics/query_context.h"
#include "crm/analytics/won_cycles.h"
#include "crm/models/fallback_probabilities.h"
#include "crm/models/forecast_basis.h"
#include "crm/models/forecast_simulation.h"
#include "two_threads.h"

namespace crm::analytics {

namespace {

std::vector<int32_t> VisibleRows(const Dataset& data, const PipelineSnapshot& snapshot) {
  std::vector<int32_t> rows;
  rows.reserve(data.opportunities.size());
  for (size_t i = 0; i < data.opportunities.size(); ++i) {
    if (snapshot.Visible(static_cast<int32_t>(i))) rows.push_back(static_cast<int32_t>(i));
  }
  return rows;
}

std::vector<double> WonValues(const Dataset& data, const PipelineSnapshot& snapshot) {
  std::vector<double> values(data.opportunities.size(), 0.0);
  const DealStage* stages = snapshot.stages();
  for (size_t i = 0; i < values.size(); ++i) {
    const double value = data.opportunities.close_value[i];
    if (stages[i] == DealStage::kWon && HasValue(value)) values[i] = value;
  }
  return values;
}

//! Per deal: estimated value x (model probability - product rate) for open deals the model scored.
std::vector<double> ExpectedAdjustments(const Dataset& data, const PipelineSnapshot& snapshot,
                                        const DealEstimates& estimates) {
  const std::vector<double>& model = estimates.model_probabilities();
  if (model.empty()) return {};
  std::vector<double> adjustments(data.opportunities.size(), 0.0);
  for (size_t i = 0; i < adjustments.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (IsClosed(snapshot.Stage(row)) || !HasValue(model[i])) continue;
    const ProductHistory& product = estimates.products()[data.opportunities.product[i]];
    if (HasValue(product.estimated_value)) {
      adjustments[i] = product.estimated_value * (model[i] - product.win_rate);
    }
  }
  return adjustments;
}

}  // namespace

AsOfState::AsOfState(const Dataset& data, const Calendar& calendar, int32_t as_of, int32_t latest_day,
                     const ModelSources* sources)
    : snapshot(data, as_of, latest_day),
      estimates(data, snapshot,
                sources && sources->win ? sources->win->probabilities(as_of) : std::vector<double>(),
                sources && sources->win ? sources->win->label : ""),
      visible_rows(VisibleRows(data, snapshot)),
      won_values(WonValues(data, snapshot)),
      expected_adjustments(ExpectedAdjustments(data, snapshot, estimates)),
      data_(&data),
      calendar_(&calendar),
      risk_source_(sources ? sources->account_risk : std::nullopt) {
  snapshot.PrecomputeMonths([&calendar](int32_t day) { return calendar.Month(day); });
}

AsOfState::~AsOfState() = default;

template <typename T, typename Build>
const T& AsOfState::Get(Lazy<T>& lazy, Build build) {
  std::call_once(lazy.once, [&] { lazy.value = std::make_unique<const T>(build()); });
  return *lazy.value;
}

const ActivityRecency& AsOfState::activity() const {
  return Get(activity_, [this] { return CollectActivityRecency(*data_, snapshot); });
}

const WonCycles& AsOfState::won_cycles() const {
  return Get(won_cycles_, [this] { return WonCycles(*data_, snapshot); });
}

const DealCounts& AsOfState::deal_counts() const {
  return Get(deal_counts_, [this] { return CountDeals(*data_, snapshot); });
}

const DealSurvival& AsOfState::deal_survival() const {
  return Get(deal_survival_, [this] {
    DealSurvival survival(*data_, snapshot);
    survival.AddVisible([](int32_t, DealStage) {});
    survival.Finish();
    return survival;
  });
}

const AccountHealthReport& AsOfState::account_health() const {
  return Get(account_health_, [this] {
    DealFilter all;
    all.as_of = snapshot.as_of();
    const QueryContext query(*data_, *calendar_, all, *this);
    return ScoreAccountHealth(query, PeerDeals(query));
  });
}

AsOfStateCache::AsOfStateCache(const Dataset& data, const Calendar& calendar, int32_t latest_day,
                               const ModelSources* sources, size_t capacity)
    : data_(&data), calendar_(&calendar), latest_day_(latest_day), sources_(sources), capacity_(capacity) {}

std::shared_ptr<const AsOfState> AsOfStateCache::At(int32_t as_of) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  for (Entry& entry : entries_) {
    if (entry.as_of != as_of) continue;
    entry.last_used = ++clock_;
    return entry.state;
  }
  auto state = std::make_shared<const AsOfState>(*data_, *calendar_, as_of, latest_day_, sources_);
  if (entries_.size() >= capacity_) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (it->last_used < oldest->last_used) oldest = it;
    }
    entries_.erase(oldest);
  }
  entries_.push_back({as_of, state, ++clock_});
  return state;
}

void AsOfState::LearnDealFacts() const {
  // Activity and account health split their own passes in two; the three lighter deal passes run as a pair.
  activity();
  account_health();
  RunBoth(
      data_->opportunities.size(),
      [this] {
        won_cycles();
        deal_counts();
      },
      [this] { deal_survival(); });
}

void AsOfState::Warm() const {
  LearnDealFacts();
  forecast_simulation();
  account_risk();
}

const std::vector<double>& AsOfState::account_risk() const {
  return Get(account_risk_, [this] {
    return risk_source_ ? risk_source_->probabilities(snapshot.as_of()) : std::vector<double>();
  });
}

const std::string& AsOfState::account_risk_label() const {
  static const std::string kNone;
  return risk_source_ ? risk_source_->label : kNone;
}

const models::ForecastBasis& AsOfState::forecast_basis() const {
  return Get(forecast_basis_, [this] {
    // The model's probabilities when the engine has them (NaN where it has none: the product's rate
    // stands in), else each deal's chance on its product's win curve at its age.
    const std::vector<double>& model = estimates.model_probabilities();
    return models::ForecastBasis(
        *data_, snapshot, estimates, won_cycles(),
        model.empty() ? models::WinCurveProbabilities(*data_, snapshot.as_of()) : model);
  });
}

const Insight& AsOfState::forecast_insight(const std::function<Insight()>& build) const {
  return Get(forecast_insight_, build);
}

std::vector<double> AsOfState::KeptFigures(const std::string& key,
                                           const std::function<std::vector<double>()>& build) const {
  {
    const std::lock_guard<std::mutex> lock(kept_mutex_);
    const auto found =
        std::find_if(kept_.begin(), kept_.end(), [&key](const auto& kept) { return kept.first == key; });
    if (found != kept_.end()) {
      kept_.splice(kept_.begin(), kept_, found);
      return found->second;
    }
  }
  std::vector<double> figures = build();  // outside the lock: two queries may both build; both are right
  const std::lock_guard<std::mutex> lock(kept_mutex_);
  kept_.emplace_front(key, figures);
  if (kept_.size() > kKeptFigures) kept_.pop_back();
  return figures;
}

const models::ForecastResult& AsOfState::forecast_simulation() const {
  return Get(forecast_simulation_, [this] {
    return models::SimulateForecast(forecast_basis(), visible_rows, models::ForecastSettings{});
  });
}

}  // namespace crm::analytics
