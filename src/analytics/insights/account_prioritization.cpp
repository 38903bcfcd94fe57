// account_prioritization: accounts ranked by potential (whitespace, open pipeline, size, health) with
// reasons.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "account_parts.h"
#include "crm/analytics/score_scales.h"
#include "insight_parts.h"
#include "insights.h"

namespace crm::analytics {

namespace {

constexpr size_t kDefaultRows = 25;
constexpr int32_t kMinSectorPeers = 3;  // other accounts of the sector needed to judge adoption
constexpr size_t kProductsInReason = 3;
constexpr double kStrongComponent = 50;

enum class Part { kWhitespace, kPipeline, kSize, kHealth };
constexpr int kPartCount = 4;
constexpr std::array<double, kPartCount> kWeights = {0.35, 0.25, 0.20, 0.20};
constexpr std::array<const char*, kPartCount> kPartNames = {"whitespace_score", "pipeline_score",
                                                            "size_score", "health_score"};

// A product an account has not bought, with how many of its sector peers bought it.
struct Gap {
  int32_t product;
  int32_t adopters;
  double adoption_rate;
};

// One account's potential and what it is made of.
struct Potential {
  const AccountHealthScore* health = nullptr;
  int32_t sector_peers = 0;  // other peer accounts of the same sector
  double whitespace_value = kNoNumber;
  std::vector<Gap> gaps;  // by adoption, highest first
  std::array<double, kPartCount> parts{};
  double score = kNoNumber;
};

// Which products each account has won among the peer deals: accounts x products flags (set without a
// branch on the stage, which is unpredictable from one deal to the next).
std::vector<uint8_t> BoughtProducts(const QueryContext& query, std::span<const int32_t> rows) {
  const OpportunityColumns& deals = query.data.opportunities;
  const size_t products = query.data.products.size();
  std::vector<uint8_t> bought(query.data.accounts.size() * products, 0);
  for (int32_t row : rows) {
    const int32_t account = deals.account[row];
    if (account == kNoIndex) continue;
    bought[static_cast<size_t>(account) * products + static_cast<size_t>(deals.product[row])] |=
        static_cast<uint8_t>(query.snapshot.Stage(row) == DealStage::kWon);
  }
  return bought;
}

// Whitespace of every peer account: products its sector peers bought and it did not, valued at the
// adoption rate x the product's estimated deal value.
std::vector<Potential> FindWhitespace(const QueryContext& query, const AccountHealthReport& report,
                                      const std::vector<uint8_t>& bought) {
  const size_t products = query.data.products.size();
  const size_t sectors = query.data.sectors.size();
  std::vector<int32_t> sector_accounts(sectors, 0), adopters(sectors * products, 0);
  for (const AccountHealthScore& health : report.accounts) {
    const int32_t sector = query.data.accounts[health.account].sector;
    if (sector == kNoIndex) continue;
    ++sector_accounts[static_cast<size_t>(sector)];
    for (size_t p = 0; p < products; ++p) {
      adopters[static_cast<size_t>(sector) * products + p] +=
          bought[static_cast<size_t>(health.account) * products + p];
    }
  }
  std::vector<Potential> potentials;
  for (const AccountHealthScore& health : report.accounts) {
    Potential potential{&health, 0, kNoNumber, {}, {}, kNoNumber};
    const int32_t sector = query.data.accounts[health.account].sector;
    if (sector != kNoIndex) potential.sector_peers = sector_accounts[static_cast<size_t>(sector)] - 1;
    if (potential.sector_peers >= kMinSectorPeers) {
      potential.whitespace_value = 0;
      for (size_t p = 0; p < products; ++p) {
        const int32_t count = adopters[static_cast<size_t>(sector) * products + p];
        if (bought[static_cast<size_t>(health.account) * products + p] || count == 0) continue;
        const double rate = static_cast<double>(count) / potential.sector_peers;
        potential.gaps.push_back({static_cast<int32_t>(p), count, rate});
        const double value = query.estimates.products()[p].estimated_value;
        if (HasValue(value)) potential.whitespace_value += rate * value;
      }
      std::stable_sort(potential.gaps.begin(), potential.gaps.end(),
                       [](const Gap& a, const Gap& b) { return a.adoption_rate > b.adoption_rate; });
    }
    potentials.push_back(std::move(potential));
  }
  return potentials;
}

double Employees(const Account& account) {
  return account.employees == kNoInteger ? kNoNumber : static_cast<double>(account.employees);
}

// Percentiles among the peer accounts and the weighted potential score.
void ScorePotentials(const QueryContext& query, std::vector<Potential>& potentials) {
  std::vector<double> whitespace, pipeline, revenue, employees;
  for (const Potential& potential : potentials) {
    const Account& account = query.data.accounts[potential.health->account];
    whitespace.push_back(potential.whitespace_value);
    pipeline.push_back(potential.health->open_value);
    revenue.push_back(account.revenue);
    employees.push_back(Employees(account));
  }
  const PeerPercentile whitespace_rank(std::move(whitespace)), pipeline_rank(std::move(pipeline)),
      revenue_rank(std::move(revenue)), employees_rank(std::move(employees));
  for (Potential& potential : potentials) {
    const Account& account = query.data.accounts[potential.health->account];
    const std::array<double, 2> size = {revenue_rank.Score(account.revenue),
                                        employees_rank.Score(Employees(account))};
    potential.parts = {whitespace_rank.Score(potential.whitespace_value),
                       pipeline_rank.Score(potential.health->open_value),
                       WeightedScore(size, std::array{1.0, 1.0}), potential.health->score};
    potential.score = WeightedScore(potential.parts, kWeights);
  }
}

// Each part's share of the score: weight x part / the weights of the parts present (they sum to the score).
std::array<double, kPartCount> Contributions(const Potential& potential) {
  double present = 0;
  for (int p = 0; p < kPartCount; ++p) {
    if (HasValue(potential.parts[static_cast<size_t>(p)])) present += kWeights[static_cast<size_t>(p)];
  }
  std::array<double, kPartCount> contributions{};
  for (int p = 0; p < kPartCount; ++p) {
    const double part = potential.parts[static_cast<size_t>(p)];
    contributions[static_cast<size_t>(p)] =
        HasValue(part) ? kWeights[static_cast<size_t>(p)] * part / present : 0;
  }
  return contributions;
}

std::string WhitespaceText(const QueryContext& query, const Potential& potential) {
  std::string text = "whitespace:";
  for (size_t i = 0; i < std::min(kProductsInReason, potential.gaps.size()); ++i) {
    const Gap& gap = potential.gaps[i];
    text += (i == 0 ? " " : ", ") + query.data.products[static_cast<size_t>(gap.product)].name + " (" +
            PercentText(gap.adoption_rate) +
            (i == 0 ? " of " + std::to_string(potential.sector_peers) + " sector peers)" : ")");
  }
  return text + " worth ~" + UsdText(potential.whitespace_value);
}

std::string SizeText(const Account& account) {
  std::string text = "size:";
  if (HasValue(account.revenue)) text += " revenue " + UsdText(account.revenue) + "M";
  if (account.employees != kNoInteger) {
    text += (HasValue(account.revenue) ? ", " : " ") + GroupedText(Employees(account)) + " employees";
  }
  return text;
}

std::string PartText(const QueryContext& query, const Potential& potential, Part part) {
  const AccountHealthScore& health = *potential.health;
  switch (part) {
    case Part::kWhitespace:
      return WhitespaceText(query, potential);
    case Part::kPipeline:
      return "open pipeline " + UsdText(health.open_value) + " (" + std::to_string(health.open) +
             (health.open == 1 ? " deal)" : " deals)");
    case Part::kSize:
      return SizeText(query.data.accounts[health.account]);
    case Part::kHealth: {
      char text[48];
      std::snprintf(text, sizeof text, "health %.0f (%s)", health.score,
                    std::string(HealthBandName(health.band)).c_str());
      return text;
    }
  }
  return "";
}

// The strong parts (score >= 50) by contribution, or the largest contribution when none is strong.
std::string ReasonText(const QueryContext& query, const Potential& potential) {
  const std::array<double, kPartCount> contributions = Contributions(potential);
  std::array<int, kPartCount> order = {0, 1, 2, 3};
  std::stable_sort(order.begin(), order.end(), [&contributions](int a, int b) {
    return contributions[static_cast<size_t>(a)] > contributions[static_cast<size_t>(b)];
  });
  std::string text;
  for (int p : order) {
    const double part = potential.parts[static_cast<size_t>(p)];
    if (!HasValue(part) || part < kStrongComponent) continue;
    text += (text.empty() ? "" : "; ") + PartText(query, potential, static_cast<Part>(p));
  }
  return text.empty() ? PartText(query, potential, static_cast<Part>(order.front())) : text;
}

Table RankTable(const QueryContext& query, const std::vector<const Potential*>& shown) {
  Table table{"account_prioritization",
              {"account", "parent", "sector", "potential_score", "whitespace_score", "pipeline_score",
               "size_score", "health_score", "whitespace_value", "whitespace_products", "open_deals",
               "open_value", "revenue_musd", "employees", "health_band", "reasons"},
              {}};
  for (const Potential* potential : shown) {
    const AccountHealthScore& health = *potential->health;
    const Account& account = query.data.accounts[health.account];
    std::vector<Cell> row = {account.name, ParentCell(query.data, health.account),
                             SectorCell(query.data, health.account), Number(potential->score)};
    for (double part : potential->parts) row.push_back(Number(part));
    row.insert(row.end(),
               {Number(potential->whitespace_value), static_cast<int64_t>(potential->gaps.size()),
                health.open, health.open_value, Number(account.revenue), Number(Employees(account)),
                std::string(HealthBandName(health.band)), ReasonText(query, *potential)});
    table.rows.push_back(std::move(row));
  }
  return table;
}

Table WhitespaceTable(const QueryContext& query, const std::vector<const Potential*>& shown) {
  Table table{
      "whitespace",
      {"account", "product", "peer_adoption_rate", "adopting_peers", "sector_peers", "estimated_deal_value"},
      {}};
  for (const Potential* potential : shown) {
    for (const Gap& gap : potential->gaps) {
      table.rows.push_back(
          {query.data.accounts[potential->health->account].name,
           query.data.products[static_cast<size_t>(gap.product)].name, gap.adoption_rate,
           static_cast<int64_t>(gap.adopters), static_cast<int64_t>(potential->sector_peers),
           Number(query.estimates.products()[static_cast<size_t>(gap.product)].estimated_value)});
    }
  }
  return table;
}

ChartSpec ContributionChart(const QueryContext& query, const std::vector<const Potential*>& shown) {
  ChartSpec chart{"potential_parts",
                  "stacked_bar",
                  "Potential score by part",
                  "count",
                  "account",
                  "potential_score",
                  {},
                  {}};
  for (int p = 0; p < kPartCount; ++p)
    chart.series.push_back({kPartNames[static_cast<size_t>(p)], {}, {}, {}});
  for (const Potential* potential : shown) {
    chart.labels.push_back(query.data.accounts[potential->health->account].name);
    const std::array<double, kPartCount> contributions = Contributions(*potential);
    for (int p = 0; p < kPartCount; ++p)
      chart.series[static_cast<size_t>(p)].values.push_back(contributions[static_cast<size_t>(p)]);
  }
  return chart;
}

void Define(Insight& insight) {
  insight.Define("potential_score",
                 "weighted mean of the parts present: whitespace 35%, pipeline 25%, size 20%, "
                 "health 20% (an absent part's weight is spread over the others)");
  insight.Define("whitespace_value",
                 "sum over products the account has not won of peer_adoption_rate x the "
                 "product's estimated deal value; missing when the account has fewer than 3 "
                 "sector peers (or no sector)");
  insight.Define("peer_adoption_rate",
                 "share of the other peer accounts of the same sector that have won the product");
  insight.Define("whitespace_score",
                 "percentile of whitespace_value among peer accounts (mid-rank; 0 for none)");
  insight.Define("pipeline_score", "percentile of the estimated open value among peer accounts (0 for none)");
  insight.Define("size_score",
                 "mean of the percentiles of revenue and of employees among peer accounts (either "
                 "alone when the other is missing)");
  insight.Define("health_score", "the account_health score");
  insight.Define("reasons",
                 "the parts scoring at least 50, largest contribution first (the largest alone when none "
                 "does), with their figures");
}

}  // namespace

Insight AccountPrioritization(const QueryContext& query) {
  Insight insight;
  const PeerDeals peers(query);
  const AccountHealthReport report = ScoreAccountHealth(query);
  std::vector<Potential> potentials = FindWhitespace(query, report, BoughtProducts(query, peers.rows()));
  ScorePotentials(query, potentials);
  std::vector<const Potential*> ranked;
  int64_t with_whitespace = 0;
  double whitespace_total = 0;
  for (const Potential& potential : potentials) {
    if (!potential.health->selected) continue;
    ranked.push_back(&potential);
    if (potential.whitespace_value > 0) {
      ++with_whitespace;
      whitespace_total += potential.whitespace_value;
    }
  }
  std::sort(ranked.begin(), ranked.end(), [&query](const Potential* a, const Potential* b) {
    if (a->score != b->score) return a->score > b->score;
    return query.data.accounts[a->health->account].name < query.data.accounts[b->health->account].name;
  });
  insight.Metric("accounts", static_cast<int64_t>(ranked.size()));
  ranked.resize(std::min(ranked.size(), TopN(query, kDefaultRows)));
  insight.Metric("accounts_with_whitespace", with_whitespace);
  insight.Metric("whitespace_value", whitespace_total);
  insight.Metric("min_sector_peers", static_cast<int64_t>(kMinSectorPeers));
  DescribeAccountScope(query, report, insight);
  insight.tables.push_back(RankTable(query, ranked));
  insight.tables.push_back(WhitespaceTable(query, ranked));
  insight.charts.push_back(ColumnChart(insight.tables[0], "potential_score", "potential_by_account",
                                       "horizontal_bar", "Accounts by potential", "score"));
  insight.charts.push_back(ContributionChart(query, ranked));
  Define(insight);
  insight.notes.push_back(
      "Similar accounts are the peer accounts of the same sector; size is scored on its own.");
  insight.notes.push_back(query.estimates.Method());
  return insight;
}

}  // namespace crm::analytics
