#include "open_pipeline.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <utility>

namespace crm::models {

namespace {

//! Rounding a caller's arithmetic may leave outside [0, 1]; such probabilities are clamped.
constexpr double kProbabilitySlack = 1e-9;

//! How many open deals ahead their columns are fetched.
constexpr size_t kPrefetchDeals = 16;

//! Bands of probability: 0, kProbabilityBands between, then 1, so that sure outcomes stay sure.
constexpr int32_t kBands = OpenPipeline::kProbabilityBands + 2;

int32_t Band(double probability) {
  if (probability <= 0) return 0;
  if (probability >= 1) return kBands - 1;
  return 1 + std::min(OpenPipeline::kProbabilityBands - 1,
                      static_cast<int32_t>(probability * OpenPipeline::kProbabilityBands));
}

//! One standard normal draw (Box-Muller).
double DrawStandardNormal(demo::Rng& rng) {
  const double radius = std::sqrt(-2 * std::log1p(-rng.Unit()));
  return radius * std::cos(2 * std::numbers::pi * rng.Unit());
}

//! A Binomial(n, p) count: from its normal approximation (rounded) when its variance is large, else exactly.
int64_t DrawCount(int64_t n, double p, demo::Rng& rng) {
  const double variance = static_cast<double>(n) * p * (1 - p);
  if (variance < OpenPipeline::kNormalVariance) return DrawBinomial(n, p, rng);
  const double drawn = std::round(static_cast<double>(n) * p + std::sqrt(variance) * DrawStandardNormal(rng));
  return std::clamp(static_cast<int64_t>(drawn), int64_t{0}, n);
}

//! The lower Cholesky factor of the covariance `matrix` (size x size, row-major, positive semi-definite):
//! a pivot that rounding leaves at or below 0 gives a zero column.
std::vector<double> CholeskyFactor(const std::vector<double>& matrix, size_t size) {
  std::vector<double> factor(size * size, 0.0);
  for (size_t j = 0; j < size; ++j) {
    double pivot = matrix[j * size + j];
    for (size_t k = 0; k < j; ++k) pivot -= factor[j * size + k] * factor[j * size + k];
    if (pivot <= 1e-9 * std::max(1.0, matrix[j * size + j])) continue;
    const double root = std::sqrt(pivot);
    factor[j * size + j] = root;
    for (size_t i = j + 1; i < size; ++i) {
      double sum = matrix[i * size + j];
      for (size_t k = 0; k < j; ++k) sum -= factor[i * size + k] * factor[j * size + k];
      factor[i * size + j] = sum / root;
    }
  }
  return factor;
}

}  // namespace

OpenPipeline::OpenPipeline(const ForecastBasis& basis, const ForecastHorizon& horizon,
                           std::span<const int32_t> rows)
    : basis_(basis),
      horizon_(horizon),
      timing_index_(basis.data().products.size()),
      stalled_index_(basis.data().products.size()),
      engage_day_index_(basis.data().products.size()) {
  const OpportunityColumns& deals = basis.data().opportunities;
  const analytics::PipelineSnapshot& snapshot = basis.snapshot();
  const std::span<const double> given = basis.win_probability();
  // The open deals first (a pass over the dense stages), then their columns, fetched ahead of use: the
  // open deals of a filter lie far apart, so each would otherwise wait for memory.
  std::vector<int32_t> open(rows.size());
  size_t open_count = 0;
  const DealStage* stages = snapshot.stages();
  for (int32_t row : rows) {
    open[open_count] = row;
    open_count += IsClosed(stages[row]) ? 0 : 1;
  }
  open.resize(open_count);
  for (size_t i = 0; i < open.size(); ++i) {
    if (i + kPrefetchDeals < open.size()) {
      const auto ahead = static_cast<size_t>(open[i + kPrefetchDeals]);
      __builtin_prefetch(&deals.engage_date[ahead]);
      __builtin_prefetch(&deals.product[ahead]);
      if (!given.empty()) __builtin_prefetch(&given[ahead]);
    }
    const int32_t row = open[i];
    if (deals.engage_date[row] == kNoDay) {
      ++counts_.prospecting;
    } else if (!HasValue(basis.estimates().Value(row))) {
      ++counts_.without_value;
    } else {
      AddDeal(row, given.empty() ? kNoNumber : given[static_cast<size_t>(row)]);
    }
  }
  AddTimings();
  Finish();
}

void OpenPipeline::AddDeal(int32_t row, double probability) {
  const OpportunityColumns& deals = basis_.data().opportunities;
  EngageDay& day = EngageDayOf(deals.product[row], deals.engage_date[row]);
  if (day.stalled) {
    ++counts_.stalled;
    counts_.stalled_value += basis_.estimates().Value(row);
    counts_.stalled_wins += day.stalled_chance;
    AddToGroup(row, day, day.stalled_chance);
    return;
  }
  if (!HasValue(probability)) {
    probability = basis_.estimates().products()[deals.product[row]].win_rate;
    ++counts_.without_probability;
  } else if (probability < -kProbabilitySlack || probability > 1 + kProbabilitySlack) {
    throw std::invalid_argument("a win probability lies outside [0, 1]");
  }
  if (day.past_longest_cycle) ++counts_.past_longest_cycle;
  AddToGroup(row, day, std::clamp(probability, 0.0, 1.0));
}

OpenPipeline::EngageDay& OpenPipeline::EngageDayOf(int32_t product, int32_t engaged) {
  const int32_t age = horizon_.as_of() - engaged;
  std::vector<int32_t>& slots = engage_day_index_[static_cast<size_t>(product)];
  if (static_cast<size_t>(age) >= slots.size()) slots.resize(static_cast<size_t>(age) + 1, -1);
  int32_t& slot = slots[static_cast<size_t>(age)];
  if (slot >= 0) return engage_days_[static_cast<size_t>(slot)];
  EngageDay day;
  const int32_t stall = basis_.stalled().StallDay(product, engaged);
  if (stall != kNoDay && stall <= horizon_.as_of()) {
    const int32_t stalled_days = horizon_.as_of() - stall;
    const double learned = basis_.stalled().WinProbability(stalled_days);
    day.stalled = true;
    day.stalled_chance = HasValue(learned) ? learned : 0.0;
    Timing(basis_.stalled().won_delays(), stall);
    day.timing = TimingGroupOf(stalled_index_, product, stalled_days / kAgeBucketDays);
  } else {
    const bool within_cycles = Timing(basis_.cycles().For(product), engaged);
    if (!within_cycles) PastLongestCycleTiming();
    day.past_longest_cycle = !within_cycles;
    day.timing = TimingGroupOf(timing_index_, product, within_cycles ? 1 + age / kAgeBucketDays : 0);
  }
  day.chances = day_chances_.size();
  day_chances_.insert(day_chances_.end(), timing_scratch_.begin(), timing_scratch_.end());
  slot = static_cast<int32_t>(engage_days_.size());
  engage_days_.push_back(day);
  return engage_days_.back();
}

void OpenPipeline::AddToGroup(int32_t row, EngageDay& day, double probability) {
  TimingGroup& group = timing_groups_[static_cast<size_t>(day.timing)];
  group.value = basis_.estimates().Value(row);
  group.probability_sum += probability;
  group.win_variance += probability * (1 - probability);
  day.probability_sum += probability;
  day.squared_probability_sum += probability * probability;
  int32_t& win = win_index_[static_cast<size_t>(day.timing * kBands + Band(probability))];
  if (win < 0) {
    win = static_cast<int32_t>(win_groups_.size());
    win_groups_.push_back({day.timing, 0, 0});
  }
  ++win_groups_[static_cast<size_t>(win)].deals;
  win_groups_[static_cast<size_t>(win)].probability_sum += probability;
  ++counts_.simulated;
  counts_.value += group.value;
}

void OpenPipeline::AddTimings() {
  const auto periods = static_cast<size_t>(horizon_.size());
  for (const EngageDay& day : engage_days_) {
    TimingGroup& group = timing_groups_[static_cast<size_t>(day.timing)];
    const double* chances = day_chances_.data() + day.chances;
    for (size_t period = 0; period < periods; ++period) {
      group.weighted_timing[period] += day.probability_sum * chances[period];
      const double weighted = day.squared_probability_sum * chances[period];
      for (size_t other = 0; other < periods; ++other) {
        group.timing_products[period * periods + other] += weighted * chances[other];
      }
    }
  }
}

void OpenPipeline::PastLongestCycleTiming() {
  const std::vector<DayRange>& periods = horizon_.days_ahead();
  const DayRange window{horizon_.as_of() + 1, horizon_.as_of() + kPastCycleCloseDays};
  for (size_t m = 0; m < periods.size(); ++m) {
    const DayRange overlap{std::max(window.first, periods[m].first), std::min(window.last, periods[m].last)};
    timing_scratch_[m] = static_cast<double>(overlap.Length()) / kPastCycleCloseDays;
  }
}

bool OpenPipeline::Timing(const analytics::DayHistogram& delays, int32_t origin) {
  const std::vector<DayRange>& periods = horizon_.days_ahead();
  timing_scratch_.assign(periods.size(), 0);
  const int64_t longer = delays.CountLonger(horizon_.as_of() - origin);
  if (longer == 0) return false;
  for (size_t m = 0; m < periods.size(); ++m) {
    if (periods[m].Length() == 0) continue;
    timing_scratch_[m] =
        static_cast<double>(delays.CountBetween(periods[m].first - origin, periods[m].last - origin)) /
        static_cast<double>(longer);
  }
  return true;
}

int32_t OpenPipeline::TimingGroupOf(std::vector<std::vector<int32_t>>& index, int32_t product,
                                    int32_t bucket) {
  std::vector<int32_t>& slots = index[static_cast<size_t>(product)];
  if (static_cast<size_t>(bucket) >= slots.size()) slots.resize(static_cast<size_t>(bucket) + 1, -1);
  int32_t& group_index = slots[static_cast<size_t>(bucket)];
  if (group_index < 0) {
    group_index = static_cast<int32_t>(timing_groups_.size());
    TimingGroup group;
    group.weighted_timing.assign(static_cast<size_t>(horizon_.size()), 0.0);
    group.timing_products.assign(group.weighted_timing.size() * group.weighted_timing.size(), 0.0);
    timing_groups_.push_back(std::move(group));
    win_index_.resize(win_index_.size() + kBands, -1);
  }
  return group_index;
}

void OpenPipeline::Finish() {
  BuildNormalPart();
  for (TimingGroup& group : timing_groups_) {
    double left = group.probability_sum, closed = 0;
    for (double weighted : group.weighted_timing) {
      group.conditional.push_back(left > 0 ? std::clamp(weighted / left, 0.0, 1.0) : 0.0);
      left -= weighted;
      closed += weighted;
      group.cumulative.push_back(group.probability_sum > 0 ? closed / group.probability_sum : 0.0);
    }
  }
  std::erase_if(win_groups_, [this](const WinGroup& group) {
    return timing_groups_[static_cast<size_t>(group.timing)].win_variance >= kNormalVariance;
  });
  for (const WinGroup& group : win_groups_) {
    win_samplers_.emplace_back(group.deals,
                               std::min(1.0, group.probability_sum / static_cast<double>(group.deals)));
    win_samplers_.back().Tabulate();  // drawn once per run
  }
}

OpenPipeline::RunScratch OpenPipeline::NewScratch() const {
  return {std::vector<int64_t>(timing_groups_.size(), 0), std::vector<double>(normal_mean_.size(), 0.0)};
}

void OpenPipeline::DrawRun(demo::Rng& rng, RunScratch& scratch, std::span<double> revenue) const {
  std::vector<int64_t>& won = scratch.won;
  std::fill(won.begin(), won.end(), 0);
  for (size_t w = 0; w < win_groups_.size(); ++w) {
    won[static_cast<size_t>(win_groups_[w].timing)] += win_samplers_[w].Draw(rng);
  }
  for (size_t t = 0; t < timing_groups_.size(); ++t) {
    if (won[t] > 0) DrawCloses(timing_groups_[t], won[t], rng, revenue);
  }
  if (normal_factor_.empty()) return;
  const size_t periods = normal_mean_.size();
  for (double& z : scratch.normals) z = DrawStandardNormal(rng);
  for (size_t m = 0; m < periods; ++m) {
    double drawn = normal_mean_[m];
    for (size_t k = 0; k <= m; ++k) drawn += normal_factor_[m * periods + k] * scratch.normals[k];
    revenue[m] += std::max(0.0, drawn);  // a period's revenue is never negative
  }
}

void OpenPipeline::BuildNormalPart() {
  const auto periods = static_cast<size_t>(horizon_.size());
  normal_mean_.assign(periods, 0.0);
  std::vector<double> covariance(periods * periods, 0.0);
  bool any = false;
  for (const TimingGroup& group : timing_groups_) {
    if (group.win_variance < kNormalVariance) continue;
    any = true;
    // Per deal, its closes in the periods are exclusive events of chance q_m = p t_m: variance
    // q_m (1 - q_m), covariance -q_m q_m'; the group adds them up, times the value squared.
    const double squared = group.value * group.value;
    for (size_t m = 0; m < periods; ++m) {
      normal_mean_[m] += group.value * group.weighted_timing[m];
      covariance[m * periods + m] += squared * group.weighted_timing[m];
      for (size_t other = 0; other < periods; ++other) {
        covariance[m * periods + other] -= squared * group.timing_products[m * periods + other];
      }
    }
  }
  if (!any) return;
  normal_factor_ = CholeskyFactor(covariance, periods);
}

void OpenPipeline::DrawCloses(const TimingGroup& group, int64_t winners, demo::Rng& rng,
                              std::span<double> revenue) {
  if (winners <= kWinnersDrawnOneByOne) {
    for (int64_t i = 0; i < winners; ++i) {
      const double u = rng.Unit();
      const auto period = static_cast<size_t>(
          std::upper_bound(group.cumulative.begin(), group.cumulative.end(), u) - group.cumulative.begin());
      if (period < revenue.size()) revenue[period] += group.value;  // else it closes after the horizon
    }
    return;
  }
  int64_t left = winners;
  for (size_t period = 0; period < group.conditional.size() && left > 0; ++period) {
    const int64_t closed = DrawCount(left, group.conditional[period], rng);
    revenue[period] += static_cast<double>(closed) * group.value;
    left -= closed;
  }
}

}  // namespace crm::models
