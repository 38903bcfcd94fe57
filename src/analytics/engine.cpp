#include "crm/analytics/engine.h"

#include <algorithm>
#include <climits>

#include "crm/analytics/query_context.h"
#include "crm/analytics/tally.h"
#include "insights/insight_parts.h"
#include "insights/insights.h"

namespace crm::analytics {

namespace {

using InsightFunction = Insight (*)(const QueryContext&);

struct InsightEntry {
  std::string name;
  InsightFunction run;
  bool groups_by = false;  //!< reads the --by dimension
};

const std::vector<InsightEntry>& Registry() {
  static const std::vector<InsightEntry> registry = {
      {"pipeline_overview", PipelineOverview, true},
      {"top_opportunities", TopOpportunities},
      {"at_risk_deals", AtRiskDeals, true},
      {"at_risk_accounts", AtRiskAccounts},
      {"conversion_analysis", ConversionAnalysis, true},
      {"industry_trends", IndustryTrends},
      {"account_prioritization", AccountPrioritization},
      {"forecast", Forecast},
      {"agent_performance", AgentPerformance},
      {"account_health", AccountHealth, true},
  };
  return registry;
}

//! A calendar over the deal dates of the data, with a year of margin on both sides.
Calendar CalendarFor(const Dataset& data) {
  int32_t first = INT32_MAX, last = INT32_MIN;
  for (const auto* column : {&data.opportunities.engage_date, &data.opportunities.close_date}) {
    for (int32_t day : *column) {
      if (day == kNoDay) continue;
      first = std::min(first, day);
      last = std::max(last, day);
    }
  }
  if (first > last) return Calendar(0, 0);
  return Calendar(first - 366, last + 366);
}

}  // namespace

const std::vector<std::string>& InsightTypes() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all;
    for (const InsightEntry& entry : Registry()) all.push_back(entry.name);
    return all;
  }();
  return names;
}

Engine::Engine(const Dataset& data, ModelSources sources)
    : data_(&data),
      calendar_(CalendarFor(data)),
      latest_day_(data.LatestDate()),
      sources_(std::move(sources)),
      latest_state_(std::make_shared<const AsOfState>(
          data, calendar_, latest_day_ != kNoDay ? latest_day_ : TodayUtc(), latest_day_, &sources_)),
      other_states_(data, calendar_, latest_day_, &sources_) {
  latest_state_->LearnDealFacts();
  // The forecast of every deal at the default date is kept by its state; computing it now also learns its
  // simulation and the state of its backtest's date, which a filtered forecast uses too.
  (void)Run("forecast", FilterRequest{});
}

Result<Insight> Engine::Run(std::string_view type, const FilterRequest& request) const {
  auto filter = ResolveFilters(*data_, request, latest_day_);
  if (!filter.ok()) return filter.error();
  return Run(type, *filter);
}

QueryContext Engine::Query(const DealFilter& filter) const {
  const bool latest = filter.as_of == latest_state_->snapshot.as_of();
  return QueryContext(*data_, calendar_, filter, latest ? latest_state_ : other_states_.At(filter.as_of),
                      &other_states_);
}

Table Engine::Breakdown(Dimension dimension, const DealFilter& filter) const {
  const QueryContext query = Query(filter);
  const Grouping grouping = query.GroupBy(dimension);
  return TotalsTable("by_" + std::string(DimensionName(dimension)), grouping, Tally(query, grouping));
}

Result<Insight> Engine::Run(std::string_view type, const DealFilter& filter) const {
  for (const InsightEntry& entry : Registry()) {
    if (entry.name != type) continue;
    const QueryContext query = Query(filter);
    Insight insight = entry.run(query);
    insight.type = entry.name;
    insight.as_of = filter.as_of;
    insight.filters = filter.applied;
    if (filter.by && !entry.groups_by) {
      std::string grouping;
      for (const InsightEntry& other : Registry()) {
        if (other.groups_by) grouping += (grouping.empty() ? "" : ", ") + other.name;
      }
      insight.notes.push_back("--by is not used by " + entry.name + "; it groups the results of " + grouping +
                              ".");
    }
    return insight;
  }
  std::string known;
  for (const InsightEntry& entry : Registry()) known += (known.empty() ? "" : ", ") + entry.name;
  return Error{"unknown insight type '" + std::string(type) + "'; known: " + known};
}

}  // namespace crm::analytics
