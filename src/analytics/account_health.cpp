#include "crm/analytics/account_health.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "crm/analytics/activity_recency.h"
#include "crm/analytics/score_scales.h"
#include "crm/analytics/statistics.h"
#include "two_threads.h"

namespace crm::analytics {

namespace {

constexpr std::array<double, kHealthComponentCount> kWeights = {0.25, 0.15, 0.15, 0.15, 0.15, 0.15};
constexpr double kDaysPerQuarter = 365.25 / 4;
constexpr double kOverdueQuantile = 0.9;
constexpr int64_t kMinNormalisedGaps = 20;
constexpr double kDefaultOverdueFactor = 3;
constexpr double kLeastOverdueFactor = 1.5;
constexpr double kActivityZeroAt = 3;
constexpr double kTrendFullScale =
    0.25;  // a change of 25 points in win rate moves the trend from 50 to 0 or 100
constexpr size_t kWindowWords = (kHealthRhythmWindowDays + 63) / 64;
constexpr int32_t kNoFirstDay = std::numeric_limits<int32_t>::max();

// Running totals of one account over the peer deals; one cache line, as the pass touches one per deal.
struct alignas(64) Counters {
  int32_t won = 0;
  int32_t lost = 0;
  int32_t open = 0;
  int32_t wins_last_year = 0;
  int32_t recent_won = 0;
  int32_t recent_closed = 0;
  int32_t earlier_won = 0;
  int32_t earlier_closed = 0;
  int32_t first_day = kNoFirstDay;  // earliest engage or close day
  int32_t last_win_day = kNoDay;
  double won_value = 0;
  double open_value = 0;
  double won_value_last_year = 0;

  bool seen() const { return won + lost + open > 0; }
};
static_assert(sizeof(Counters) == 64);

// What the first pass over the peer deals collects, per account row: totals, and one bit for each day of
// the rhythm window (bit d of the account's kWindowWords words: a win d days before the as-of date).
struct Accumulation {
  std::vector<Counters> counters;
  std::vector<uint64_t> win_days;
  int64_t without_account = 0;

  explicit Accumulation(size_t accounts) : counters(accounts), win_days(accounts * kWindowWords, 0) {}
  // Adds the totals of another part of the deals.
  void Merge(const Accumulation& other);
};

// The estimated value of an open deal per product; 0 when unknown, so such deals add nothing.
std::vector<double> OpenValueByProduct(const DealEstimates& estimates) {
  std::vector<double> values;
  for (const ProductHistory& product : estimates.products()) {
    values.push_back(HasValue(product.estimated_value) ? product.estimated_value : 0);
  }
  return values;
}

// Adds deals of the snapshot to their accounts' totals. Branch-free where it can be: the stages of
// consecutive deals are unpredictable, and mispredicted branches would dominate the pass.
class DealAdder {
 public:
  explicit DealAdder(const QueryContext& query)
      : stages_(query.snapshot.stages()),
        close_dates_(query.data.opportunities.close_date.data()),
        engage_dates_(query.data.opportunities.engage_date.data()),
        close_values_(query.data.opportunities.close_value.data()),
        products_(query.data.opportunities.product.data()),
        accounts_(query.data.opportunities.account.data()),
        open_values_(OpenValueByProduct(query.estimates)),
        as_of_(query.snapshot.as_of()) {}

  // Adds the deals `rows` to `into`.
  void Add(std::span<const int32_t> rows, Accumulation& into) const {
    for (const int32_t row : rows) {
      const int32_t account = accounts_[row];
      if (account == kNoIndex) {
        ++into.without_account;
        continue;
      }
      const auto index = static_cast<size_t>(account);
      Add(row, into.counters[index], &into.win_days[index * kWindowWords]);
    }
  }

 private:
  void Add(int32_t row, Counters& counters, uint64_t* win_days) const {
    const DealStage stage = stages_[row];
    const bool closed = IsClosed(stage);
    const bool won = stage == DealStage::kWon;
    const int32_t day = closed ? close_dates_[row] : kNoDay;  // snapshot.CloseDate without a second lookup
    const bool dated = day != kNoDay;
    const int32_t age = dated ? as_of_ - day : kHealthRhythmWindowDays;
    const bool recent = dated && age < kHealthRecentDays;
    const bool won_last_year = won && age < kHealthYearDays;
    const double close_value = close_values_[row];
    const double won_value = won && HasValue(close_value) ? close_value : 0;
    counters.won += won;
    counters.lost += closed && !won;
    counters.open += !closed;
    counters.won_value += won_value;
    counters.open_value += closed ? 0 : open_values_[static_cast<size_t>(products_[row])];
    counters.recent_closed += recent;
    counters.recent_won += recent && won;
    counters.earlier_closed += dated && !recent;
    counters.earlier_won += dated && !recent && won;
    counters.wins_last_year += won_last_year;
    counters.won_value_last_year += won_last_year ? won_value : 0;
    counters.last_win_day = std::max(counters.last_win_day, won && dated ? day : kNoDay);
    const int32_t engaged = engage_dates_[row];
    counters.first_day = std::min(counters.first_day, engaged != kNoDay ? engaged : kNoFirstDay);
    counters.first_day = std::min(counters.first_day, dated ? day : kNoFirstDay);
    const bool in_window = won && age >= 0 && age < kHealthRhythmWindowDays;
    const auto bit = static_cast<size_t>(in_window ? age : 0);  // other deals set no bit
    win_days[bit / 64] |= uint64_t{in_window} << (bit % 64);
  }

  const DealStage* stages_;
  const int32_t* close_dates_;
  const int32_t* engage_dates_;
  const double* close_values_;
  const int32_t* products_;
  const int32_t* accounts_;
  std::vector<double> open_values_;
  int32_t as_of_;
};

void Accumulation::Merge(const Accumulation& other) {
  for (size_t a = 0; a < counters.size(); ++a) {
    Counters& mine = counters[a];
    const Counters& theirs = other.counters[a];
    mine.won += theirs.won;
    mine.lost += theirs.lost;
    mine.open += theirs.open;
    mine.wins_last_year += theirs.wins_last_year;
    mine.recent_won += theirs.recent_won;
    mine.recent_closed += theirs.recent_closed;
    mine.earlier_won += theirs.earlier_won;
    mine.earlier_closed += theirs.earlier_closed;
    mine.first_day = std::min(mine.first_day, theirs.first_day);
    mine.last_win_day = std::max(mine.last_win_day, theirs.last_win_day);
    mine.won_value += theirs.won_value;
    mine.open_value += theirs.open_value;
    mine.won_value_last_year += theirs.won_value_last_year;
  }
  for (size_t w = 0; w < win_days.size(); ++w) win_days[w] |= other.win_days[w];
  without_account += other.without_account;
}

// The totals of the peer deals, in two halves on two threads when they are many.
Accumulation Accumulate(const QueryContext& query, std::span<const int32_t> rows) {
  const DealAdder adder(query);
  const size_t accounts = query.data.accounts.size();
  return FoldInTwo(
      rows.size(), [accounts] { return Accumulation(accounts); },
      [&](Accumulation& part, size_t begin, size_t end) {
        adder.Add(rows.subspan(begin, end - begin), part);
      },
      [](Accumulation& first, const Accumulation& second) { first.Merge(second); });
}

// Loss runs: losses closed after the account's last win day (every dated loss of an account that never
// won), a second pass since the last win days are known only after the first. Branch-free like AddDeal.
std::vector<int32_t> CountLossRuns(const QueryContext& query, std::span<const int32_t> rows,
                                   const std::vector<Counters>& counters) {
  const OpportunityColumns& deals = query.data.opportunities;
  std::vector<int32_t> last_win;
  for (const Counters& totals : counters) last_win.push_back(totals.last_win_day);
  const size_t accounts = counters.size();
  return FoldInTwo(
      rows.size(), [accounts] { return std::vector<int32_t>(accounts, 0); },
      [&](std::vector<int32_t>& runs, size_t begin, size_t end) {
        for (const int32_t row : rows.subspan(begin, end - begin)) {
          const int32_t account = deals.account[row];
          if (account == kNoIndex) continue;
          const auto index = static_cast<size_t>(account);
          const int32_t day = deals.close_date[row];
          runs[index] +=
              query.snapshot.Stage(row) == DealStage::kLost && day != kNoDay && day > last_win[index];
        }
      },
      [](std::vector<int32_t>& first, const std::vector<int32_t>& second) {
        for (size_t a = 0; a < first.size(); ++a) first[a] += second[a];
      });
}

// The gaps in days between one account's consecutive win days in the window, and their median found by
// counting: the gaps add up to less than the window, so the median is at most 2 x window / gaps and the
// scan of the counts stays short (a selection over doubles would cost more than the rest of the scoring).
class WinGaps {
 public:
  // Reads the gaps of one account's window bits, replacing the previous account's.
  void Read(const uint64_t* win_days) {
    gaps_.clear();
    int32_t previous = -1;
    for (size_t w = 0; w < kWindowWords; ++w) {
      for (uint64_t word = win_days[w]; word != 0; word &= word - 1) {
        const auto day = static_cast<int32_t>(w * 64) + std::countr_zero(word);
        if (previous >= 0) gaps_.push_back(day - previous);
        previous = day;
      }
    }
  }
  const std::vector<int32_t>& gaps() const { return gaps_; }
  // The median with linear interpolation, as Quantile(gaps, 0.5); NaN without gaps.
  double Median() {
    if (gaps_.empty()) return kNoNumber;
    for (int32_t gap : gaps_) ++counts_[static_cast<size_t>(gap)];
    const size_t below = (gaps_.size() - 1) / 2;
    const size_t above = gaps_.size() % 2 == 0 ? below + 1 : below;
    size_t seen = 0;
    int32_t low = -1, value = 0;
    while (seen <= above) {
      seen += static_cast<size_t>(counts_[static_cast<size_t>(++value)]);
      if (low < 0 && seen > below) low = value;
    }
    for (int32_t gap : gaps_) counts_[static_cast<size_t>(gap)] = 0;
    return (low + value) / 2.0;
  }

 private:
  std::vector<int32_t> gaps_;
  std::vector<int32_t> counts_ = std::vector<int32_t>(kHealthRhythmWindowDays, 0);
};

// Counts of ratios in bins of 0.01 from 0 to 20 (the last bin holds the rest), for a quantile of many
// ratios without keeping them.
class RatioHistogram {
 public:
  void Add(double ratio) {
    ++bins_[std::min(bins_.size() - 1, static_cast<size_t>(ratio * kBinsPerUnit + 1e-9))];
    ++count_;
  }
  // The lower edge of the bin that holds the order statistic floor(q x (count − 1)); NaN when empty.
  double Quantile(double q) const {
    if (count_ == 0) return kNoNumber;
    const auto target = static_cast<int64_t>(q * static_cast<double>(count_ - 1));
    int64_t below = 0;
    size_t bin = 0;
    while (below + bins_[bin] <= target) below += bins_[bin++];
    return static_cast<double>(bin) / kBinsPerUnit;
  }
  int64_t count() const { return count_; }

 private:
  static constexpr double kBinsPerUnit = 100;
  std::array<int64_t, 2001> bins_{};
  int64_t count_ = 0;
};

// Own buying rhythm per account row (NaN without enough win days in the window); learns the typical
// rhythm and the overdue factor from them.
std::vector<double> LearnRhythms(const Accumulation& all, AccountHealthReport& report) {
  std::vector<double> own(all.counters.size(), kNoNumber), rhythms;
  WinGaps gaps;
  RatioHistogram normalised;
  for (size_t a = 0; a < own.size(); ++a) {
    if (all.counters[a].won <= kHealthMinOwnGaps) continue;
    gaps.Read(&all.win_days[a * kWindowWords]);
    if (gaps.gaps().size() < static_cast<size_t>(kHealthMinOwnGaps)) continue;
    own[a] = gaps.Median();
    rhythms.push_back(own[a]);
    for (int32_t gap : gaps.gaps()) normalised.Add(gap / own[a]);
  }
  report.typical_rhythm_days = Quantile(rhythms, 0.5);
  report.normalised_gaps = normalised.count();
  report.overdue_factor = normalised.count() < kMinNormalisedGaps
                              ? kDefaultOverdueFactor
                              : std::max(kLeastOverdueFactor, normalised.Quantile(kOverdueQuantile));
  return own;
}

// The inputs of one account from its totals; the account's first deal day dates its history.
AccountHealthScore Inputs(int32_t account, const Counters& counters, int32_t loss_run, int32_t as_of,
                          double own_rhythm, const AccountHealthReport& report) {
  AccountHealthScore health;
  health.account = account;
  health.won = counters.won;
  health.lost = counters.lost;
  health.open = counters.open;
  health.won_value = counters.won_value;
  health.open_value = counters.open_value;
  health.wins_last_year = counters.wins_last_year;
  health.won_value_last_year = counters.won_value_last_year;
  health.loss_run = loss_run;
  if (counters.last_win_day != kNoDay) health.days_since_last_win = as_of - counters.last_win_day;
  health.own_rhythm = HasValue(own_rhythm);
  health.buying_rhythm_days = health.own_rhythm ? own_rhythm : report.typical_rhythm_days;
  health.recent_won = counters.recent_won;
  health.recent_closed = counters.recent_closed;
  health.earlier_won = counters.earlier_won;
  health.earlier_closed = counters.earlier_closed;
  health.recent_win_rate =
      Ratio(static_cast<double>(counters.recent_won), static_cast<double>(counters.recent_closed));
  health.earlier_win_rate =
      Ratio(static_cast<double>(counters.earlier_won), static_cast<double>(counters.earlier_closed));
  health.average_quarterly_won = 0;
  if (counters.first_day != kNoFirstDay) {
    const double quarters = std::max(1.0, (as_of - counters.first_day + 1) / kDaysPerQuarter);
    health.average_quarterly_won = counters.won_value / quarters;
    health.pipeline_coverage_ratio = Ratio(counters.open_value, health.average_quarterly_won);
  }
  return health;
}

// Days since the last activity per account and the activity scale learned from them.
void ReadActivities(const QueryContext& query, AccountHealthReport& report) {
  report.activities = query.data.activities.size() > 0;
  if (!report.activities) return;
  const std::vector<int32_t>& last = query.state.activity().last_by_account;
  std::vector<double> days;
  for (AccountHealthScore& health : report.accounts) {
    const int32_t day = last[static_cast<size_t>(health.account)];
    if (day == kNoDay) continue;
    health.days_since_activity = query.snapshot.as_of() - day;
    days.push_back(health.days_since_activity);
  }
  const double median = Quantile(days, 0.5);
  report.typical_activity_days =
      HasValue(median) ? std::max(kHealthActivityFloorDays, median) : kHealthActivityFloorDays;
}

double RecencyScore(const AccountHealthScore& health, double overdue_factor) {
  if (health.won == 0) return 0;
  return DecayScore(health.days_since_last_win / health.buying_rhythm_days, overdue_factor);
}

double TrendScore(const AccountHealthScore& health, const AccountHealthReport& report) {
  if (!report.win_rates_counted) return kNoNumber;
  if (health.recent_closed < kHealthMinTrendDeals || health.earlier_closed < kHealthMinTrendDeals)
    return kNoNumber;
  const double change = health.recent_win_rate - health.earlier_win_rate;
  return 100 * std::clamp(0.5 + change / (2 * kTrendFullScale), 0.0, 1.0);
}

double CoverageScore(const AccountHealthScore& health, const AccountHealthReport& report) {
  if (!report.open_deals_counted) return kNoNumber;
  if (health.average_quarterly_won > 0) return 100 * std::min(1.0, health.pipeline_coverage_ratio);
  return health.open_value > 0 ? 100 : 0;
}

double ActivityScore(const AccountHealthScore& health, const AccountHealthReport& report) {
  if (!report.activities) return kNoNumber;
  if (!HasValue(health.days_since_activity)) return 0;
  return DecayScore(health.days_since_activity / report.typical_activity_days, kActivityZeroAt);
}

void Score(const AccountHealthReport& report, const PeerPercentile& frequency, const PeerPercentile& monetary,
           AccountHealthScore& health) {
  auto set = [&health](HealthComponent which, double value) {
    health.components[static_cast<size_t>(which)] = value;
  };
  set(HealthComponent::kRecency, RecencyScore(health, report.overdue_factor));
  set(HealthComponent::kFrequency, frequency.Score(static_cast<double>(health.wins_last_year)));
  set(HealthComponent::kMonetary, monetary.Score(health.won_value_last_year));
  set(HealthComponent::kWinTrend, TrendScore(health, report));
  set(HealthComponent::kPipelineCoverage, CoverageScore(health, report));
  set(HealthComponent::kActivity, ActivityScore(health, report));
  health.score = WeightedScore(health.components, kWeights);
  health.band = BandOfScore(health.score);
}

}  // namespace

std::string_view HealthComponentName(HealthComponent component) {
  switch (component) {
    case HealthComponent::kRecency:
      return "recency";
    case HealthComponent::kFrequency:
      return "frequency";
    case HealthComponent::kMonetary:
      return "monetary";
    case HealthComponent::kWinTrend:
      return "win_trend";
    case HealthComponent::kPipelineCoverage:
      return "pipeline_coverage";
    case HealthComponent::kActivity:
      return "activity";
  }
  return "";
}

double HealthComponentWeight(HealthComponent component) { return kWeights[static_cast<size_t>(component)]; }

std::string_view HealthBandName(HealthBand band) {
  switch (band) {
    case HealthBand::kHealthy:
      return "Healthy";
    case HealthBand::kWatch:
      return "Watch";
    case HealthBand::kAtRisk:
      return "At risk";
  }
  return "";
}

HealthBand BandOfScore(double score) {
  if (score >= kHealthyFrom) return HealthBand::kHealthy;
  return score >= kWatchFrom ? HealthBand::kWatch : HealthBand::kAtRisk;
}

PeerDeals::PeerDeals(const QueryContext& query)
    : query_rows_(query.rows), widened_(query.filter.FiltersAccounts()) {
  if (!widened_) return;
  own_rows_ = SelectDeals(query.data, query.snapshot, query.filter.WithoutAccountFilters());
}

AccountHealthReport ScoreAccountHealth(const QueryContext& query, const PeerDeals& peers) {
  const int32_t as_of = query.snapshot.as_of();
  Accumulation all = Accumulate(query, peers.rows());
  const std::vector<int32_t> loss_runs = CountLossRuns(query, peers.rows(), all.counters);
  AccountHealthReport report;
  report.deals_without_account = peers.widened() ? 0 : all.without_account;
  report.open_deals_counted = !query.filter.deal_stage || !IsClosed(*query.filter.deal_stage);
  report.win_rates_counted = !query.filter.deal_stage;
  const std::vector<double> rhythms = LearnRhythms(all, report);
  std::vector<double> wins, values;
  int64_t won = 0, closed = 0;
  for (size_t a = 0; a < all.counters.size(); ++a) {
    if (!all.counters[a].seen()) continue;
    won += all.counters[a].won;
    closed += all.counters[a].won + all.counters[a].lost;
    report.accounts.push_back(
        Inputs(static_cast<int32_t>(a), all.counters[a], loss_runs[a], as_of, rhythms[a], report));
    wins.push_back(static_cast<double>(all.counters[a].wins_last_year));
    values.push_back(all.counters[a].won_value_last_year);
  }
  report.peer_win_rate = Ratio(static_cast<double>(won), static_cast<double>(closed));
  ReadActivities(query, report);
  const PeerPercentile frequency(std::move(wins)), monetary(std::move(values));
  for (AccountHealthScore& health : report.accounts) {
    Score(report, frequency, monetary, health);
    health.selected = query.AccountSelected(health.account);
  }
  return report;
}

AccountHealthReport ScoreAccountHealth(const QueryContext& query) {
  // Peers are every deal unless a deal-level filter narrows them: then the date's shared report serves.
  if (NarrowsDeals(query.filter.WithoutAccountFilters())) return ScoreAccountHealth(query, PeerDeals(query));
  AccountHealthReport report = query.state.account_health();
  for (AccountHealthScore& health : report.accounts) health.selected = query.AccountSelected(health.account);
  if (query.filter.FiltersAccounts()) report.deals_without_account = 0;
  return report;
}

}  // namespace crm::analytics
