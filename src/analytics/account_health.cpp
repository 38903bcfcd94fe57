#include "crm/analytics/account_health.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "crm/analytics/score_scales.h"
#include "crm/analytics/statistics.h"

namespace crm::analytics {

namespace {

constexpr std::array<double, kHealthComponentCount> kWeights = {0.25, 0.15, 0.15, 0.15, 0.15, 0.15};
constexpr double kDaysPerQuarter = 365.25 / 4;
constexpr double kOverdueQuantile = 0.9;
constexpr size_t kMinNormalisedGaps = 20;
constexpr double kDefaultOverdueFactor = 3;
constexpr double kLeastOverdueFactor = 1.5;
constexpr double kActivityZeroAt = 3;
constexpr double kTrendFullScale = 0.25;  // a change of 25 points in win rate moves the trend from 50 to 0 or 100

// A dated closed deal of an account.
struct ClosedDeal {
  int32_t account;
  int32_t day;
  bool won;
};

// What one pass over the peer deals collects: totals per account row, and the dated closed deals.
struct Accumulation {
  std::vector<AccountHealthScore> by_account;
  std::vector<int32_t> first_day;  // earliest engage or close day; INT32_MAX before any
  std::vector<uint8_t> seen;
  std::vector<ClosedDeal> closed;
  int64_t without_account = 0;
  int64_t won = 0;
  int64_t lost = 0;
};

void AddClosed(const QueryContext& query, int32_t row, DealStage stage, AccountHealthScore& health, Accumulation& all) {
  const bool won = stage == DealStage::kWon;
  const double value = query.snapshot.CloseValue(row);
  if (won) {
    ++health.won;
    ++all.won;
    if (HasValue(value)) health.won_value += value;
  } else {
    ++health.lost;
    ++all.lost;
  }
  const int32_t day = query.snapshot.CloseDate(row);
  if (day == kNoDay) return;
  const int32_t age = query.snapshot.as_of() - day;
  const bool recent = age < kHealthRecentDays;
  (recent ? health.recent_closed : health.earlier_closed) += 1;
  (recent ? health.recent_won : health.earlier_won) += won;
  if (won && age < kHealthYearDays) {
    ++health.wins_last_year;
    if (HasValue(value)) health.won_value_last_year += value;
  }
  all.closed.push_back({health.account, day, won});
}

Accumulation Accumulate(const QueryContext& query, const std::vector<int32_t>& rows) {
  const OpportunityColumns& deals = query.data.opportunities;
  const size_t accounts = query.data.accounts.size();
  Accumulation all;
  all.by_account.resize(accounts);
  for (size_t a = 0; a < accounts; ++a) all.by_account[a].account = static_cast<int32_t>(a);
  all.first_day.assign(accounts, std::numeric_limits<int32_t>::max());
  all.seen.assign(accounts, 0);
  for (int32_t row : rows) {
    const int32_t account = deals.account[row];
    if (account == kNoIndex) {
      ++all.without_account;
      continue;
    }
    all.seen[account] = 1;
    AccountHealthScore& health = all.by_account[account];
    int32_t& first = all.first_day[account];
    if (deals.engage_date[row] != kNoDay) first = std::min(first, deals.engage_date[row]);
    const DealStage stage = query.snapshot.Stage(row);
    if (IsClosed(stage)) {
      if (query.snapshot.CloseDate(row) != kNoDay) first = std::min(first, query.snapshot.CloseDate(row));
      AddClosed(query, row, stage, health, all);
      continue;
    }
    ++health.open;
    const double value = query.estimates.Value(row);
    if (HasValue(value)) health.open_value += value;
  }
  return all;
}

// The closed deals grouped by account, each group in day order (two counting sorts: by day, then
// stably by account); `starts[a]..starts[a + 1]` is account a's group.
std::vector<ClosedDeal> OrderByAccountAndDay(const std::vector<ClosedDeal>& closed, size_t accounts,
                                             std::vector<int32_t>& starts) {
  starts.assign(accounts + 1, 0);
  if (closed.empty()) return {};
  int32_t first = closed.front().day, last = first;
  for (const ClosedDeal& deal : closed) {
    first = std::min(first, deal.day);
    last = std::max(last, deal.day);
  }
  std::vector<int32_t> day_starts(static_cast<size_t>(last - first) + 2, 0);
  for (const ClosedDeal& deal : closed) ++day_starts[static_cast<size_t>(deal.day - first) + 1];
  for (size_t d = 1; d < day_starts.size(); ++d) day_starts[d] += day_starts[d - 1];
  std::vector<ClosedDeal> by_day(closed.size());
  for (const ClosedDeal& deal : closed) by_day[static_cast<size_t>(day_starts[static_cast<size_t>(deal.day - first)]++)] = deal;
  for (const ClosedDeal& deal : closed) ++starts[static_cast<size_t>(deal.account) + 1];
  for (size_t a = 1; a < starts.size(); ++a) starts[a] += starts[a - 1];
  std::vector<int32_t> next(starts.begin(), starts.end() - 1);
  std::vector<ClosedDeal> ordered(closed.size());
  for (const ClosedDeal& deal : by_day) ordered[static_cast<size_t>(next[static_cast<size_t>(deal.account)]++)] = deal;
  return ordered;
}

// Reads one account's closed deals in day order: days since the last win, the loss run after it, and
// the gaps between distinct win days (left in `gaps`).
void ReadHistory(const ClosedDeal* begin, const ClosedDeal* end, int32_t as_of, AccountHealthScore& health,
                 std::vector<double>& gaps) {
  gaps.clear();
  int32_t last_win = kNoDay;
  for (const ClosedDeal* deal = begin; deal != end; ++deal) {
    if (!deal->won) continue;
    if (last_win != kNoDay && deal->day != last_win) gaps.push_back(deal->day - last_win);
    last_win = deal->day;
  }
  for (const ClosedDeal* deal = end; deal != begin && !(deal - 1)->won; --deal) {
    if (last_win != kNoDay && (deal - 1)->day <= last_win) break;
    ++health.loss_run;
  }
  if (last_win != kNoDay) health.days_since_last_win = as_of - last_win;
}

// Own buying rhythms and loss runs of every account; learns the typical rhythm and the overdue factor.
void ReadHistories(const std::vector<ClosedDeal>& closed, int32_t as_of, std::vector<AccountHealthScore>& by_account,
                   AccountHealthReport& report) {
  std::vector<int32_t> starts;
  const std::vector<ClosedDeal> ordered = OrderByAccountAndDay(closed, by_account.size(), starts);
  std::vector<double> rhythms, normalised, gaps;
  for (size_t a = 0; a < by_account.size(); ++a) {
    const ClosedDeal* begin = ordered.data() + starts[a];
    ReadHistory(begin, ordered.data() + starts[a + 1], as_of, by_account[a], gaps);
    if (gaps.size() < static_cast<size_t>(kHealthMinOwnGaps)) continue;
    const double rhythm = Quantile(gaps, 0.5);
    by_account[a].buying_rhythm_days = rhythm;
    by_account[a].own_rhythm = true;
    rhythms.push_back(rhythm);
    for (double gap : gaps) normalised.push_back(gap / rhythm);
  }
  report.typical_rhythm_days = Quantile(rhythms, 0.5);
  report.normalised_gaps = static_cast<int64_t>(normalised.size());
  report.overdue_factor = normalised.size() < kMinNormalisedGaps
                              ? kDefaultOverdueFactor
                              : std::max(kLeastOverdueFactor, Quantile(normalised, kOverdueQuantile));
  for (AccountHealthScore& health : by_account) {
    if (!health.own_rhythm) health.buying_rhythm_days = report.typical_rhythm_days;
  }
}

// Days since the last activity with each account; learns the activity scale. No-op without activities.
void ReadActivities(const QueryContext& query, const std::vector<uint8_t>& seen, std::vector<AccountHealthScore>& by_account,
                    AccountHealthReport& report) {
  report.activities = query.data.activities.size() > 0;
  if (!report.activities) return;
  const ActivityFacts facts = CollectActivityFacts(query.data, query.snapshot.as_of());
  std::vector<double> days;
  for (size_t a = 0; a < by_account.size(); ++a) {
    if (facts.last_by_account[a] == kNoDay) continue;
    by_account[a].days_since_activity = query.snapshot.as_of() - facts.last_by_account[a];
    if (seen[a]) days.push_back(by_account[a].days_since_activity);
  }
  const double median = Quantile(days, 0.5);
  report.typical_activity_days = HasValue(median) ? std::max(kHealthActivityFloorDays, median) : kHealthActivityFloorDays;
}

double RecencyScore(const AccountHealthScore& health, double overdue_factor) {
  if (health.won == 0) return 0;
  return DecayScore(health.days_since_last_win / health.buying_rhythm_days, overdue_factor);
}

double TrendScore(const AccountHealthScore& health) {
  if (health.recent_closed < kHealthMinTrendDeals || health.earlier_closed < kHealthMinTrendDeals) return kNoNumber;
  const double change = health.recent_win_rate - health.earlier_win_rate;
  return 100 * std::clamp(0.5 + change / (2 * kTrendFullScale), 0.0, 1.0);
}

double CoverageScore(const AccountHealthScore& health) {
  if (health.average_quarterly_won > 0) return 100 * std::min(1.0, health.pipeline_coverage_ratio);
  return health.open_value > 0 ? 100 : 0;
}

double ActivityScore(const AccountHealthScore& health, const AccountHealthReport& report) {
  if (!report.activities) return kNoNumber;
  if (!HasValue(health.days_since_activity)) return 0;
  return DecayScore(health.days_since_activity / report.typical_activity_days, kActivityZeroAt);
}

// Rates and coverage from the totals; the account's first deal day dates its history.
void DeriveInputs(int32_t as_of, int32_t first_day, AccountHealthScore& health) {
  health.recent_win_rate = Ratio(static_cast<double>(health.recent_won), static_cast<double>(health.recent_closed));
  health.earlier_win_rate = Ratio(static_cast<double>(health.earlier_won), static_cast<double>(health.earlier_closed));
  if (first_day == std::numeric_limits<int32_t>::max()) {
    health.average_quarterly_won = 0;
    return;
  }
  const double quarters = std::max(1.0, (as_of - first_day + 1) / kDaysPerQuarter);
  health.average_quarterly_won = health.won_value / quarters;
  health.pipeline_coverage_ratio = Ratio(health.open_value, health.average_quarterly_won);
}

void Score(const AccountHealthReport& report, const PeerPercentile& frequency, const PeerPercentile& monetary,
           AccountHealthScore& health) {
  auto set = [&health](HealthComponent which, double value) { health.components[static_cast<size_t>(which)] = value; };
  set(HealthComponent::kRecency, RecencyScore(health, report.overdue_factor));
  set(HealthComponent::kFrequency, frequency.Score(static_cast<double>(health.wins_last_year)));
  set(HealthComponent::kMonetary, monetary.Score(health.won_value_last_year));
  set(HealthComponent::kWinTrend, TrendScore(health));
  set(HealthComponent::kPipelineCoverage, CoverageScore(health));
  set(HealthComponent::kActivity, ActivityScore(health, report));
  health.score = WeightedScore(health.components, kWeights);
  health.band = BandOfScore(health.score);
}

}  // namespace

std::string_view HealthComponentName(HealthComponent component) {
  switch (component) {
    case HealthComponent::kRecency: return "recency";
    case HealthComponent::kFrequency: return "frequency";
    case HealthComponent::kMonetary: return "monetary";
    case HealthComponent::kWinTrend: return "win_trend";
    case HealthComponent::kPipelineCoverage: return "pipeline_coverage";
    case HealthComponent::kActivity: return "activity";
  }
  return "";
}

double HealthComponentWeight(HealthComponent component) { return kWeights[static_cast<size_t>(component)]; }

std::string_view HealthBandName(HealthBand band) {
  switch (band) {
    case HealthBand::kHealthy: return "Healthy";
    case HealthBand::kWatch: return "Watch";
    case HealthBand::kAtRisk: return "At risk";
  }
  return "";
}

HealthBand BandOfScore(double score) {
  if (score >= kHealthyFrom) return HealthBand::kHealthy;
  return score >= kWatchFrom ? HealthBand::kWatch : HealthBand::kAtRisk;
}

PeerDeals::PeerDeals(const QueryContext& query)
    : query_rows_(&query.rows), widened_(query.filter.FiltersAccounts()) {
  if (!widened_) return;
  DealFilter others = query.filter;
  others.account = others.sector = others.country = kNoIndex;
  own_rows_ = SelectDeals(query.data, query.snapshot, others);
}

AccountHealthReport ScoreAccountHealth(const QueryContext& query, const PeerDeals& peers) {
  const int32_t as_of = query.snapshot.as_of();
  Accumulation all = Accumulate(query, peers.rows());
  AccountHealthReport report;
  report.deals_without_account = peers.widened() ? 0 : all.without_account;
  report.peer_win_rate = Ratio(static_cast<double>(all.won), static_cast<double>(all.won + all.lost));
  std::vector<AccountHealthScore>& by_account = all.by_account;
  ReadHistories(all.closed, as_of, by_account, report);
  ReadActivities(query, all.seen, by_account, report);
  std::vector<double> wins, values;
  for (size_t a = 0; a < by_account.size(); ++a) {
    if (!all.seen[a]) continue;
    DeriveInputs(as_of, all.first_day[a], by_account[a]);
    wins.push_back(static_cast<double>(by_account[a].wins_last_year));
    values.push_back(by_account[a].won_value_last_year);
  }
  const PeerPercentile frequency(std::move(wins)), monetary(std::move(values));
  for (size_t a = 0; a < by_account.size(); ++a) {
    if (!all.seen[a]) continue;
    AccountHealthScore& health = by_account[a];
    Score(report, frequency, monetary, health);
    health.selected = query.AccountSelected(health.account);
    report.accounts.push_back(std::move(health));
  }
  return report;
}

AccountHealthReport ScoreAccountHealth(const QueryContext& query) { return ScoreAccountHealth(query, PeerDeals(query)); }

}  // namespace crm::analytics
