#include "open_pipeline.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace crm::models {

namespace {

//! Rounding a caller's arithmetic may leave outside [0, 1]; such probabilities are clamped.
constexpr double kProbabilitySlack = 1e-9;

//! Bands of probability: 0, kProbabilityBands between, then 1, so that sure outcomes stay sure.
constexpr int32_t kBands = OpenPipeline::kProbabilityBands + 2;

int32_t Band(double probability) {
  if (probability <= 0) return 0;
  if (probability >= 1) return kBands - 1;
  return 1 + std::min(OpenPipeline::kProbabilityBands - 1,
                      static_cast<int32_t>(probability * OpenPipeline::kProbabilityBands));
}

//! Timing slots of a product: slot 0 for deals past the longest cycle, then one per week of age below it.
int32_t Slots(const analytics::DayHistogram& cycles) {
  return 2 + std::max(0, cycles.Longest()) / OpenPipeline::kAgeBucketDays;
}

}  // namespace

OpenPipeline::OpenPipeline(const Dataset& data, const analytics::PipelineSnapshot& snapshot,
                           const analytics::DealEstimates& estimates, const analytics::WonCycles& cycles,
                           const ForecastHorizon& horizon, std::span<const double> win_probability)
    : data_(data), estimates_(estimates), cycles_(cycles), horizon_(horizon) {
  const OpportunityColumns& deals = data.opportunities;
  if (!win_probability.empty() && win_probability.size() != deals.size()) {
    throw std::invalid_argument("win_probability must be empty or hold one entry per deal");
  }
  int32_t slots = 0;
  for (size_t p = 0; p < data.products.size(); ++p) {
    slots = std::max(slots, Slots(cycles.For(static_cast<int32_t>(p))));
  }
  timing_index_.assign(data.products.size() * static_cast<size_t>(slots), -1);
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    if (!snapshot.Visible(row) || IsClosed(snapshot.Stage(row))) continue;
    if (deals.engage_date[i] == kNoDay) {
      ++counts_.prospecting;
      continue;
    }
    if (!HasValue(estimates.Value(row))) {
      ++counts_.without_value;
      continue;
    }
    double probability = win_probability.empty() ? kNoNumber : win_probability[i];
    if (!HasValue(probability)) {
      probability = estimates.products()[deals.product[i]].win_rate;
      ++counts_.without_probability;
    } else if (probability < -kProbabilitySlack || probability > 1 + kProbabilitySlack) {
      throw std::invalid_argument("a win probability lies outside [0, 1]");
    }
    probability = std::clamp(probability, 0.0, 1.0);
    AddDeal(row, probability);
  }
  Finish();
}

void OpenPipeline::AddDeal(int32_t row, double probability) {
  const int32_t product = data_.opportunities.product[row], engaged = data_.opportunities.engage_date[row];
  const bool within_cycles = Timing(cycles_.For(product), engaged, timing_scratch_);
  if (!within_cycles) ++counts_.past_longest_cycle;
  const int32_t age = horizon_.as_of() - engaged;
  const int32_t timing = TimingGroupOf(product, within_cycles ? 1 + age / kAgeBucketDays : 0);
  TimingGroup& group = timing_groups_[static_cast<size_t>(timing)];
  group.value = estimates_.Value(row);
  group.probability_sum += probability;
  for (size_t period = 0; period < timing_scratch_.size(); ++period) {
    group.weighted_timing[period] += probability * timing_scratch_[period];
  }
  int32_t& win = win_index_[static_cast<size_t>(timing * kBands + Band(probability))];
  if (win < 0) {
    win = static_cast<int32_t>(win_groups_.size());
    win_groups_.push_back({timing, 0, 0});
  }
  ++win_groups_[static_cast<size_t>(win)].deals;
  win_groups_[static_cast<size_t>(win)].probability_sum += probability;
  ++counts_.simulated;
  counts_.value += group.value;
}

bool OpenPipeline::Timing(const analytics::DayHistogram& cycles, int32_t engaged,
                          std::vector<double>& timing) const {
  const std::vector<DayRange>& periods = horizon_.days_ahead();
  timing.assign(periods.size(), 0);
  const int32_t as_of = horizon_.as_of();
  const int64_t longer = cycles.CountLonger(as_of - engaged);
  if (longer == 0) {
    const DayRange window{as_of + 1, as_of + kPastCycleCloseDays};
    for (size_t m = 0; m < periods.size(); ++m) {
      const DayRange overlap{std::max(window.first, periods[m].first),
                             std::min(window.last, periods[m].last)};
      timing[m] = static_cast<double>(overlap.Length()) / kPastCycleCloseDays;
    }
    return false;
  }
  for (size_t m = 0; m < periods.size(); ++m) {
    if (periods[m].Length() == 0) continue;
    timing[m] =
        static_cast<double>(cycles.CountBetween(periods[m].first - engaged, periods[m].last - engaged)) /
        static_cast<double>(longer);
  }
  return true;
}

int32_t OpenPipeline::TimingGroupOf(int32_t product, int32_t bucket) {
  const size_t slots = timing_index_.size() / data_.products.size();
  int32_t& index = timing_index_[static_cast<size_t>(product) * slots + static_cast<size_t>(bucket)];
  if (index < 0) {
    index = static_cast<int32_t>(timing_groups_.size());
    TimingGroup group;
    group.weighted_timing.assign(static_cast<size_t>(horizon_.size()), 0.0);
    timing_groups_.push_back(std::move(group));
    win_index_.resize(win_index_.size() + kBands, -1);
  }
  return index;
}

void OpenPipeline::Finish() {
  for (TimingGroup& group : timing_groups_) {
    double left = group.probability_sum, closed = 0;
    for (double weighted : group.weighted_timing) {
      group.conditional.push_back(left > 0 ? std::clamp(weighted / left, 0.0, 1.0) : 0.0);
      left -= weighted;
      closed += weighted;
      group.cumulative.push_back(group.probability_sum > 0 ? closed / group.probability_sum : 0.0);
    }
  }
  for (const WinGroup& group : win_groups_) {
    win_samplers_.emplace_back(group.deals,
                               std::min(1.0, group.probability_sum / static_cast<double>(group.deals)));
  }
  won_.assign(timing_groups_.size(), 0);
}

void OpenPipeline::DrawRun(demo::Rng& rng, std::span<double> revenue) {
  std::fill(won_.begin(), won_.end(), 0);
  for (size_t w = 0; w < win_groups_.size(); ++w) {
    won_[static_cast<size_t>(win_groups_[w].timing)] += win_samplers_[w].Draw(rng);
  }
  for (size_t t = 0; t < timing_groups_.size(); ++t) {
    if (won_[t] > 0) DrawCloses(timing_groups_[t], won_[t], rng, revenue);
  }
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
    const int64_t closed = DrawBinomial(left, group.conditional[period], rng);
    revenue[period] += static_cast<double>(closed) * group.value;
    left -= closed;
  }
}

}  // namespace crm::models
