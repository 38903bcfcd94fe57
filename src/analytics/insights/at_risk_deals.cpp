// at_risk_deals: open deals that show a warning sign, each with its reasons and the thresholds learned
// from the deals known at the as-of date.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <limits>

#include "crm/analytics/activity_recency.h"
#include "crm/analytics/deal_counts.h"
#include "crm/analytics/fact_text.h"
#include "crm/analytics/statistics.h"
#include "crm/analytics/won_cycles.h"
#include "deal_cells.h"
#include "insight_parts.h"
#include "insights.h"

namespace crm::analytics {

namespace {

constexpr size_t kDefaultTop = 20;
constexpr double kCycleQuantile = 0.75;
constexpr double kGapQuantile = 0.9;
constexpr double kLowProbabilityQuantile = 0.25;
constexpr double kFenceIqrs = 1.5;

//! The warning signs, in the order of the reasons text.
enum Rule : int { kPastCycle, kSilent, kLowProbability, kOverloadedAgent, kRuleCount };
constexpr std::array<const char*, kRuleCount> kRuleNames = {"past_cycle", "no_recent_activity",
                                                            "low_probability", "overloaded_agent"};

//! What counts as a warning sign, learned from every deal at the as-of date (not only the filtered ones).
struct Thresholds {
  std::vector<double> cycle_days;      //!< per product: P75 engage-to-close days of won deals
  double silence_days = kNoNumber;     //!< P90 of days between activities of won deals; NaN: rule skipped
  double low_probability = kNoNumber;  //!< lower quartile of open deals' win probabilities
  double overall_win_rate = kNoNumber;
  double agent_load = kNoNumber;  //!< Tukey's upper fence of the agents' open deals
};

//! The lower quartile of the win probabilities of every open deal at the as-of date.
double LowProbabilityCutoff(const QueryContext& query) {
  // An open deal's probability is its product's win rate: count the open deals per product and read
  // the quantile off the rates in order, as Quantile() would over one value per deal.
  const std::vector<ProductHistory>& products = query.estimates.products();
  std::vector<int64_t> open(products.size(), 0);
  const DealStage* stages = query.snapshot.stages();
  const int32_t* product_of = query.data.opportunities.product.data();
  for (const int32_t row : query.state.visible_rows) open[product_of[row]] += !IsClosed(stages[row]);
  std::vector<std::pair<double, int64_t>> rates;
  int64_t total = 0;
  for (size_t p = 0; p < products.size(); ++p) {
    if (open[p] == 0) continue;
    rates.emplace_back(products[p].win_rate, open[p]);
    total += open[p];
  }
  if (total == 0) return kNoNumber;
  std::sort(rates.begin(), rates.end());
  const auto rate_at = [&rates](int64_t rank) {  // the rank-th smallest (0-based)
    for (const auto& [rate, count] : rates) {
      if (rank < count) return rate;
      rank -= count;
    }
    return rates.back().first;
  };
  const double position = kLowProbabilityQuantile * static_cast<double>(total - 1);
  const auto below = static_cast<int64_t>(std::floor(position));
  const double low = rate_at(below), high = rate_at(std::min(below + 1, total - 1));
  return low + (high - low) * (position - static_cast<double>(below));
}

//! P75 + 1.5 IQR of the open deals of the agents who have any deal at the as-of date.
double AgentLoadFence(const DealCounts& counts) {
  std::vector<double> loads;
  for (const StageCounts& agent : counts.by_agent) {
    if (agent.open() + agent.closed() > 0) loads.push_back(static_cast<double>(agent.open()));
  }
  std::vector<double> copy = loads;
  const double q1 = Quantile(loads, 0.25), q3 = Quantile(copy, 0.75);
  return q3 + kFenceIqrs * (q3 - q1);
}

//! The evidence the rules read and the thresholds learned from it.
struct RiskModel {
  explicit RiskModel(const QueryContext& query)
      : cycles(query.state.won_cycles()), recency(query.state.activity()), counts(query.state.deal_counts()) {
    for (size_t p = 0; p < query.data.products.size(); ++p) {
      thresholds.cycle_days.push_back(cycles.For(static_cast<int32_t>(p)).Quantile(kCycleQuantile));
    }
    if (recency.present) thresholds.silence_days = recency.won_gaps.Quantile(kGapQuantile);
    thresholds.low_probability = LowProbabilityCutoff(query);
    thresholds.overall_win_rate = query.estimates.overall_win_rate();
    thresholds.agent_load = AgentLoadFence(counts);
  }

  const WonCycles& cycles;
  const ActivityRecency& recency;
  const DealCounts& counts;
  Thresholds thresholds;
};

//! An open deal with at least one warning sign.
struct Finding {
  int32_t row;
  uint8_t rules;    //!< bit per Rule
  int reasons;      //!< number of rules that fire
  double expected;  //!< expected value, -infinity when unknown
  int32_t silence;  //!< days without activity, -1 when unknown
};

//! Days since the deal's last activity, or since it engaged when it has none; -1 when unknown.
int32_t SilenceDays(const QueryContext& query, const ActivityRecency& recency, int32_t row) {
  if (!recency.present) return -1;
  const int32_t last = recency.last_by_deal[row];
  if (last != kNoDay) return query.snapshot.as_of() - last;
  return query.snapshot.DaysOpen(row);
}

//! The rules that fire for an open deal, one bit each.
uint8_t FiringRules(const QueryContext& query, const RiskModel& model, int32_t row, int32_t silence) {
  const Thresholds& thresholds = model.thresholds;
  const OpportunityColumns& deals = query.data.opportunities;
  const int32_t days_open = query.snapshot.DaysOpen(row);
  const double probability = query.estimates.WinProbability(row);
  uint8_t rules = 0;
  if (days_open >= 0 && days_open > thresholds.cycle_days[deals.product[row]]) rules |= 1u << kPastCycle;
  if (silence >= 0 && silence > thresholds.silence_days) rules |= 1u << kSilent;
  if (probability < thresholds.low_probability && probability < thresholds.overall_win_rate) {
    rules |= 1u << kLowProbability;
  }
  if (static_cast<double>(model.counts.by_agent[deals.sales_agent[row]].open()) > thresholds.agent_load) {
    rules |= 1u << kOverloadedAgent;
  }
  return rules;
}

//! The sentence for one rule that fired.
std::string RuleText(const QueryContext& query, const RiskModel& model, const Finding& finding, Rule rule) {
  const Thresholds& thresholds = model.thresholds;
  const OpportunityColumns& deals = query.data.opportunities;
  const int32_t product = deals.product[finding.row];
  const int32_t agent = deals.sales_agent[finding.row];
  switch (rule) {
    case kPastCycle:
      return "open " + DaysText(query.snapshot.DaysOpen(finding.row)) + ", past the P75 cycle of won " +
             (model.cycles.OwnUsed(product)
                  ? query.data.products[product].name + " deals ("
                  : "deals of all products (" + query.data.products[product].name + " has fewer than " +
                        std::to_string(WonCycles::kMinProductWins) + " wins; ") +
             DaysText(thresholds.cycle_days[product]) + ")";
    case kSilent:
      return (model.recency.last_by_deal[finding.row] == kNoDay
                  ? "no activity since it engaged " + DaysText(finding.silence) + " ago"
                  : "no activity for " + DaysText(finding.silence)) +
             " (won deals went at most " + DaysText(thresholds.silence_days) +
             " between activities 9 times in 10)";
    case kLowProbability:
      return "win probability " + PercentText(query.estimates.WinProbability(finding.row)) +
             ", in the lowest quarter of open deals (below " + PercentText(thresholds.low_probability) +
             ") and under the overall " + PercentText(thresholds.overall_win_rate);
    default:
      return query.data.sales_agents[agent].name + " carries " +
             std::to_string(model.counts.by_agent[agent].open()) + " open deals, far above the team (limit " +
             std::to_string(std::llround(thresholds.agent_load)) + ": P75 + 1.5 IQR of agents' open deals)";
  }
}

//! The sentences of every rule that fired, joined.
std::string Reasons(const QueryContext& query, const RiskModel& model, const Finding& finding) {
  std::string text;
  for (int rule = 0; rule < kRuleCount; ++rule) {
    if (!(finding.rules & (1u << rule))) continue;
    text += (text.empty() ? "" : "; ") + RuleText(query, model, finding, static_cast<Rule>(rule));
  }
  return text;
}

//! What one pass over the selected open deals found.
struct Scan {
  int64_t open = 0;
  std::vector<Finding> findings;  //!< deals with at least one reason; the first `shown` ranked
  size_t shown = 0;
  std::array<int64_t, kRuleCount> per_rule{};
  double estimated_at_risk = 0;
  double expected_at_risk = 0;
  std::vector<int64_t> engaging_by_product;
  std::vector<int64_t> past_cycle_by_product;
};

Scan ScanOpenDeals(const QueryContext& query, const RiskModel& model) {
  Scan scan;
  scan.engaging_by_product.assign(query.data.products.size(), 0);
  scan.past_cycle_by_product.assign(query.data.products.size(), 0);
  for (int32_t row : query.rows) {
    if (IsClosed(query.snapshot.Stage(row))) continue;
    ++scan.open;
    const int32_t silence = SilenceDays(query, model.recency, row);
    const uint8_t rules = FiringRules(query, model, row, silence);
    const int32_t product = query.data.opportunities.product[row];
    if (query.snapshot.DaysOpen(row) >= 0) ++scan.engaging_by_product[product];
    if (rules & (1u << kPastCycle)) ++scan.past_cycle_by_product[product];
    if (rules == 0) continue;
    for (int rule = 0; rule < kRuleCount; ++rule) scan.per_rule[rule] += (rules >> rule) & 1u;
    const double value = query.estimates.Value(row), expected = query.estimates.ExpectedValue(row);
    if (HasValue(value)) scan.estimated_at_risk += value;
    if (HasValue(expected)) scan.expected_at_risk += expected;
    scan.findings.push_back({row, rules, std::popcount(rules),
                             HasValue(expected) ? expected : -std::numeric_limits<double>::infinity(),
                             silence});
  }
  scan.shown = std::min(TopN(query, kDefaultTop), scan.findings.size());
  std::partial_sort(scan.findings.begin(), scan.findings.begin() + static_cast<std::ptrdiff_t>(scan.shown),
                    scan.findings.end(), [](const Finding& a, const Finding& b) {
                      if (a.reasons != b.reasons) return a.reasons > b.reasons;
                      if (a.expected != b.expected) return a.expected > b.expected;
                      return a.row < b.row;
                    });
  return scan;
}

void AddMetrics(const RiskModel& model, const Scan& scan, Insight& insight) {
  const Thresholds& thresholds = model.thresholds;
  insight.Metric("open_deals", scan.open);
  insight.Metric("at_risk_deals", static_cast<int64_t>(scan.findings.size()));
  insight.Metric("at_risk_share",
                 Number(Ratio(static_cast<double>(scan.findings.size()), static_cast<double>(scan.open))));
  insight.Metric("at_risk_estimated_value", scan.estimated_at_risk);
  insight.Metric("at_risk_expected_value", scan.expected_at_risk);
  insight.Metric("deals_past_cycle", scan.per_rule[kPastCycle]);
  insight.Metric("deals_no_recent_activity",
                 HasValue(thresholds.silence_days) ? Cell(scan.per_rule[kSilent]) : Cell(nullptr));
  insight.Metric("deals_low_probability", scan.per_rule[kLowProbability]);
  insight.Metric("deals_overloaded_agent", scan.per_rule[kOverloadedAgent]);
  insight.Metric("cycle_p75_days_all_products", Number(model.cycles.all().Quantile(kCycleQuantile)));
  insight.Metric("min_wins_for_product_cycle", WonCycles::kMinProductWins);
  insight.Metric("no_activity_threshold_days", Number(thresholds.silence_days));
  insight.Metric("low_probability_cutoff", Number(thresholds.low_probability));
  insight.Metric("overall_win_rate", Number(thresholds.overall_win_rate));
  insight.Metric("agent_open_deals_threshold", Number(thresholds.agent_load));
}

Table DealsTable(const QueryContext& query, const RiskModel& model, const Scan& scan) {
  Table table{"at_risk_deals", DealColumns(), {}};
  for (const char* column :
       {"days_since_activity", "win_probability", "estimated_value", "expected_value", "reasons_count"}) {
    table.columns.emplace_back(column);
  }
  for (const char* rule : kRuleNames) table.columns.emplace_back(rule);
  table.columns.emplace_back("reasons");
  for (size_t i = 0; i < scan.shown; ++i) {
    const Finding& finding = scan.findings[i];
    std::vector<Cell> cells = DealCells(query, finding.row);
    cells.insert(
        cells.end(),
        {finding.silence >= 0 ? Cell(static_cast<int64_t>(finding.silence)) : Cell(nullptr),
         Number(query.estimates.WinProbability(finding.row)), Number(query.estimates.Value(finding.row)),
         Number(query.estimates.ExpectedValue(finding.row)), static_cast<int64_t>(finding.reasons)});
    for (int rule = 0; rule < kRuleCount; ++rule) {
      cells.emplace_back(static_cast<int64_t>((finding.rules >> rule) & 1u));
    }
    cells.emplace_back(Reasons(query, model, finding));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

Table CycleTable(const QueryContext& query, const RiskModel& model, const Scan& scan) {
  Table table{"cycle_thresholds",
              {"product", "won_deals", "p75_cycle_days", "basis", "engaging_deals", "past_cycle"},
              {}};
  for (size_t p = 0; p < query.data.products.size(); ++p) {
    const auto product = static_cast<int32_t>(p);
    table.rows.push_back({query.data.products[p].name, model.cycles.Own(product).size(),
                          Number(model.thresholds.cycle_days[p]), model.cycles.Basis(product),
                          scan.engaging_by_product[p], scan.past_cycle_by_product[p]});
  }
  return table;
}

Table RulesTable(const RiskModel& model, const Scan& scan) {
  Table table{"deals_per_reason", {"reason", "deals"}, {}};
  for (int rule = 0; rule < kRuleCount; ++rule) {
    const bool skipped = rule == kSilent && !HasValue(model.thresholds.silence_days);
    table.rows.push_back(
        {std::string(kRuleNames[rule]), skipped ? Cell(nullptr) : Cell(scan.per_rule[rule])});
  }
  return table;
}

//! Open and at-risk deals per group of the --by dimension, groups without open deals left out.
Table ByTable(const QueryContext& query, const Scan& scan, Dimension dimension) {
  const Grouping grouping = query.GroupBy(dimension);
  const auto groups = static_cast<size_t>(grouping.size());
  std::vector<int64_t> open(groups, 0), at_risk(groups, 0);
  std::vector<double> expected(groups, 0);
  grouping.Visit([&](auto key_of) {
    for (int32_t row : query.rows) {
      if (!IsClosed(query.snapshot.Stage(row))) ++open[static_cast<size_t>(key_of(row))];
    }
  });
  for (const Finding& finding : scan.findings) {
    const auto key = static_cast<size_t>(grouping.Key(finding.row));
    ++at_risk[key];
    if (std::isfinite(finding.expected)) expected[key] += finding.expected;
  }
  Table table{"by_" + std::string(DimensionName(dimension)),
              {std::string(DimensionName(dimension)), "open_deals", "at_risk_deals", "at_risk_share",
               "at_risk_expected_value"},
              {}};
  for (size_t key = 0; key < groups; ++key) {
    if (open[key] == 0) continue;
    table.rows.push_back({grouping.Label(static_cast<int32_t>(key)), open[key], at_risk[key],
                          Number(Ratio(static_cast<double>(at_risk[key]), static_cast<double>(open[key]))),
                          expected[key]});
  }
  return table;
}

void AddDefinitions(Insight& insight) {
  insight.Define("past_cycle",
                 "an Engaging deal open longer than the P75 engage-to-close days of the deals of "
                 "its product won by the as-of date (all products' P75 when the product has fewer "
                 "than 20 wins); Prospecting deals have no engage date and are not tested");
  insight.Define("no_recent_activity",
                 "days since the deal's last activity (since it engaged when it has none) "
                 "above the P90 of the days between consecutive activities of won deals");
  insight.Define("low_probability",
                 "win probability below the lower quartile of every open deal's probability "
                 "and below the overall win rate, so that a strong pipeline flags nothing");
  insight.Define("overloaded_agent",
                 "the deal's agent has more open deals than P75 + 1.5 IQR of the open deals "
                 "of the agents who have any deal (Tukey's upper fence for outliers)");
  insight.Define("rank",
                 "number of reasons, then expected value at stake, highest first, then the order of "
                 "the deals in the data");
  insight.Define("at_risk_estimated_value",
                 "sum of the estimated values of the deals with at least one reason");
  insight.Define("at_risk_expected_value",
                 "sum of the expected values (estimated value x win probability) of the deals with at "
                 "least one reason");
  insight.Define("at_risk_share", "deals with at least one reason / open deals selected (a share of deals)");
  insight.Define("thresholds",
                 "learned from every deal at the as-of date, not only the filtered ones, so that a "
                 "filter does not move the yardstick; quantiles interpolate linearly between ranks "
                 "(pandas' default)");
}

void AddNotes(const QueryContext& query, const RiskModel& model, Insight& insight) {
  if (!model.recency.present) {
    insight.notes.push_back("The data has no activities: the no-recent-activity rule is skipped.");
  } else if (!HasValue(model.thresholds.silence_days)) {
    insight.notes.push_back(
        "No won deal has two activities by the as-of date: the no-recent-activity rule is "
        "skipped.");
  }
  for (size_t p = 0; p < query.data.products.size(); ++p) {
    if (model.cycles.OwnUsed(static_cast<int32_t>(p))) continue;
    insight.notes.push_back(
        "Products with fewer than 20 wins use the P75 cycle of all products (see "
        "cycle_thresholds).");
    break;
  }
  insight.notes.push_back(query.estimates.Method());
}

}  // namespace

Insight AtRiskDeals(const QueryContext& query) {
  const RiskModel model(query);
  const Scan scan = ScanOpenDeals(query, model);
  Insight insight;
  AddMetrics(model, scan, insight);
  AddDefinitions(insight);
  AddNotes(query, model, insight);
  insight.tables.push_back(DealsTable(query, model, scan));
  insight.tables.push_back(CycleTable(query, model, scan));
  insight.tables.push_back(RulesTable(model, scan));
  if (query.filter.by) insight.tables.push_back(ByTable(query, scan, *query.filter.by));
  insight.charts.push_back(ColumnChart(insight.tables[2], "deals", "deals_per_reason", "bar",
                                       "At-risk deals per reason", "count"));
  return insight;
}

}  // namespace crm::analytics
