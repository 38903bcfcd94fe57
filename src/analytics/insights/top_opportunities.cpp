// top_opportunities: the open deals worth most in expectation, each with the facts that put it there.
#include <algorithm>
#include <cmath>
#include <limits>

#include "crm/analytics/deal_counts.h"
#include "crm/analytics/fact_text.h"
#include "crm/analytics/statistics.h"
#include "crm/analytics/won_cycles.h"
#include "deal_cells.h"
#include "insight_parts.h"
#include "insights.h"

namespace crm::analytics {

namespace {

constexpr size_t kDefaultTop = 10;

//! An open deal and its expected value (-infinity when unknown, so that it ranks last).
struct Candidate {
  double expected_value;
  int32_t row;
};

//! Each product's rank by estimated deal value (1 = highest; equal values share a rank), 0 when unknown.
std::vector<int> ValueRanks(const DealEstimates& estimates) {
  const auto& products = estimates.products();
  std::vector<int> ranks(products.size(), 0);
  for (size_t p = 0; p < products.size(); ++p) {
    const double value = products[p].estimated_value;
    if (!HasValue(value)) continue;
    ranks[p] = 1 + static_cast<int>(
                       std::count_if(products.begin(), products.end(), [value](const ProductHistory& other) {
                         return HasValue(other.estimated_value) && other.estimated_value > value;
                       }));
  }
  return ranks;
}

//! Orders candidates: expected value, then Engaging before Prospecting, fewer days open, the agent's win
//! rate, the account's past wins, and the row: every deal of a product is worth the same, so ties are many.
class RankOrder {
 public:
  RankOrder(const QueryContext& query, const DealCounts& counts) : query_(&query), counts_(&counts) {}
  bool operator()(const Candidate& a, const Candidate& b) const {
    if (a.expected_value != b.expected_value) return a.expected_value > b.expected_value;
    const bool a_engaged = query_->snapshot.Stage(a.row) == DealStage::kEngaging;
    const bool b_engaged = query_->snapshot.Stage(b.row) == DealStage::kEngaging;
    if (a_engaged != b_engaged) return a_engaged;
    const int32_t a_days = query_->snapshot.DaysOpen(a.row), b_days = query_->snapshot.DaysOpen(b.row);
    if (a_days != b_days) return a_days < b_days;
    const double a_rate = AgentRate(a.row), b_rate = AgentRate(b.row);
    if (a_rate != b_rate) return a_rate > b_rate;
    const int64_t a_wins = AccountWins(a.row), b_wins = AccountWins(b.row);
    if (a_wins != b_wins) return a_wins > b_wins;
    return a.row < b.row;
  }

 private:
  double AgentRate(int32_t row) const {
    const double rate = counts_->by_agent[query_->data.opportunities.sales_agent[row]].win_rate();
    return HasValue(rate) ? rate : -1;
  }
  int64_t AccountWins(int32_t row) const {
    const int32_t account = query_->data.opportunities.account[row];
    return account == kNoIndex ? 0 : counts_->by_account[account].count(DealStage::kWon);
  }
  const QueryContext* query_;
  const DealCounts* counts_;
};

//! True when `fraction` shows as a higher whole percentage than `other`.
bool ShowsHigher(double fraction, double other) {
  return std::llround(fraction * 100) > std::llround(other * 100);
}

//! Why a deal ranks high, from facts: its product's value and record, its agent's and account's records;
//! and a caution when it has been open longer than any won deal took.
std::string Reason(const QueryContext& query, const DealCounts& counts, const WonCycles& cycles,
                   const std::vector<int>& ranks, int32_t row) {
  const OpportunityColumns& deals = query.data.opportunities;
  const int32_t p = deals.product[row];
  const std::string& product = query.data.products[p].name;
  const ProductHistory& history = query.estimates.products()[p];
  const int ranked =
      static_cast<int>(std::count_if(ranks.begin(), ranks.end(), [](int rank) { return rank > 0; }));
  std::string reason;
  if (ranks[p] == 0) {
    reason = product + " has no list price to estimate its value from";
  } else {
    reason = product + " has the " + (ranks[p] == 1 ? std::string() : Ordinal(ranks[p]) + " ") +
             "highest estimated value of " + std::to_string(ranked) +
             " products: " + UsdText(history.estimated_value);
  }
  const int64_t closed = history.won + history.lost;
  reason += closed > 0
                ? "; " + product + " won " + std::to_string(history.won) + " of " + std::to_string(closed) +
                      " closed deals (" +
                      PercentText(Ratio(static_cast<double>(history.won), static_cast<double>(closed))) + ")"
                : "; " + product + " has no closed deal yet, so it gets the overall win rate";
  const StageCounts& agent = counts.by_agent[deals.sales_agent[row]];
  const double overall = query.estimates.overall_win_rate();
  if (agent.closed() > 0 && ShowsHigher(agent.win_rate(), overall)) {
    reason += "; " + query.data.sales_agents[deals.sales_agent[row]].name + " wins " +
              PercentText(agent.win_rate()) + " vs " + PercentText(overall) + " overall";
  }
  if (const int32_t account = deals.account[row]; account != kNoIndex) {
    const int64_t wins = counts.by_account[account].count(DealStage::kWon);
    if (wins > 0) {
      reason += "; " + query.data.accounts[account].name + " has won " + std::to_string(wins) +
                (wins == 1 ? " deal" : " deals") + " with us";
    }
  }
  const int32_t days_open = query.snapshot.DaysOpen(row);
  const int32_t longest = cycles.For(p).Longest();
  if (longest >= 0 && days_open > longest) {
    reason += "; caution: open " + DaysText(days_open) + ", longer than any won " +
              (cycles.OwnUsed(p) ? product + " " : std::string()) + "deal took (" + DaysText(longest) + ")";
  }
  return reason;
}

//! The first `shown` candidates as table rows, with their reasons.
Table TopTable(const QueryContext& query, const std::vector<Candidate>& candidates, size_t shown,
               const DealCounts& counts) {
  const WonCycles& cycles = query.state.won_cycles();
  const std::vector<int> ranks = ValueRanks(query.estimates);
  Table table{"top_opportunities", DealColumns(), {}};
  for (const char* column :
       {"estimated_value", "value_basis", "win_probability", "expected_value", "reason"}) {
    table.columns.emplace_back(column);
  }
  for (size_t i = 0; i < shown; ++i) {
    const int32_t row = candidates[i].row;
    const ProductHistory& history = query.estimates.products()[query.data.opportunities.product[row]];
    std::vector<Cell> cells = DealCells(query, row);
    cells.insert(cells.end(),
                 {Number(query.estimates.Value(row)),
                  std::string(history.value_from_history ? "list price x won-to-list ratio" : "list price"),
                  Number(query.estimates.WinProbability(row)), Number(query.estimates.ExpectedValue(row)),
                  Reason(query, counts, cycles, ranks, row)});
    table.rows.push_back(std::move(cells));
  }
  return table;
}

void AddDefinitionsAndNotes(const QueryContext& query, Insight& insight) {
  insight.Define("expected_value",
                 "estimated value x win probability of an open (Prospecting or Engaging) deal");
  insight.Define("top_share",
                 "expected value of the deals shown / expected value of all open deals selected");
  insight.Define("rank",
                 "expected value, highest first; ties (deals of one product are valued alike) go to "
                 "Engaging before Prospecting, then fewer days open, then the agent's higher win rate "
                 "(won / closed by the as-of date over every deal; an agent with no closed deal "
                 "last), then the account's more wins by the as-of date (none without an account), "
                 "then the order of the deals in the data");
  insight.Define("reason",
                 "facts at the as-of date over every deal, not only the filtered ones: the product's "
                 "rank by estimated value and its won / closed record, the agent's win rate when "
                 "above the overall rate, the account's past wins; a caution when the deal has been "
                 "open longer than any deal of its product won by the as-of date took (all products' "
                 "longest when the product has fewer than 20 wins)");
  insight.notes.push_back(query.estimates.Method());
  insight.notes.push_back(
      "Win probabilities do not depend yet on how long a deal has been open: a reason "
      "marked 'caution' belongs to a deal open longer than any won deal took, unlikely "
      "to close; at_risk_deals lists such deals.");
}

}  // namespace

Insight TopOpportunities(const QueryContext& query) {
  std::vector<Candidate> candidates;
  double total = 0;
  for (int32_t row : query.rows) {
    if (IsClosed(query.snapshot.Stage(row))) continue;
    const double expected = query.estimates.ExpectedValue(row);
    if (HasValue(expected)) total += expected;
    candidates.push_back({HasValue(expected) ? expected : -std::numeric_limits<double>::infinity(), row});
  }
  const DealCounts& counts = query.state.deal_counts();
  const size_t shown = std::min(TopN(query, kDefaultTop), candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(shown),
                    candidates.end(), RankOrder(query, counts));
  double top_total = 0;
  for (size_t i = 0; i < shown; ++i) {
    if (std::isfinite(candidates[i].expected_value)) top_total += candidates[i].expected_value;
  }
  Insight insight;
  insight.Metric("open_deals", static_cast<int64_t>(candidates.size()));
  insight.Metric("open_expected_value", total);
  insight.Metric("top_deals", static_cast<int64_t>(shown));
  insight.Metric("top_expected_value", top_total);
  insight.Metric("top_share", Number(Ratio(top_total, total)));
  insight.Metric("overall_win_rate", Number(query.estimates.overall_win_rate()));
  AddDefinitionsAndNotes(query, insight);
  insight.tables.push_back(TopTable(query, candidates, shown, counts));
  insight.charts.push_back(ColumnChart(insight.tables[0], "expected_value", "top_opportunities",
                                       "horizontal_bar", "Open deals by expected value", "USD"));
  return insight;
}

}  // namespace crm::analytics
