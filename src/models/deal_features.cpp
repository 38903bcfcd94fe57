#include "crm/models/deal_features.h"

#include <algorithm>
#include <array>
#include <numeric>

#include "crm/common/date.h"

namespace crm::models {

namespace {

//! Everything one feature may read about one example.
struct FeatureInput {
  const Dataset& data;
  const DealExample& example;
  const DealHistoryFacts& facts;
  const DayLists& deal_activities;
  const DayLists& account_activities;
};

//! Where a categorical feature's labels come from.
enum class Labels { kNone, kProducts, kSeries, kSectors, kCountries, kAgents, kManagers, kOffices };

//! One entry of the catalogue.
struct FeatureDefinition {
  const char* name;
  const char* description;
  FeatureKind kind;
  Labels labels;
  float (*compute)(const FeatureInput&);
};

float Number(double value) { return HasValue(value) ? static_cast<float>(value) : kMissingFeature; }
float Code(int32_t code) { return code == kNoIndex ? kMissingFeature : static_cast<float>(code); }
float Rate(int32_t won, int32_t closed) {
  return closed > 0 ? static_cast<float>(won) / closed : kMissingFeature;
}

const Account* AccountOf(const FeatureInput& in) {
  const int32_t row = in.data.opportunities.account[in.example.deal];
  return row == kNoIndex ? nullptr : &in.data.accounts[row];
}
const Product& ProductOf(const FeatureInput& in) {
  return in.data.products[in.data.opportunities.product[in.example.deal]];
}
const SalesAgent& AgentOf(const FeatureInput& in) {
  return in.data.sales_agents[in.data.opportunities.sales_agent[in.example.deal]];
}
int32_t EngageDay(const FeatureInput& in) {
  const int32_t engaged = in.data.opportunities.engage_date[in.example.deal];
  return engaged != kNoDay && engaged <= in.example.day ? engaged : kNoDay;
}

// The catalogue. Outcome fields (close value, close date, stage, cycle length) are deliberately absent.
const std::array<FeatureDefinition, 25> kCatalogue{{
    {"product", "the product", FeatureKind::kCategorical, Labels::kProducts,
     [](const FeatureInput& in) { return Code(in.data.opportunities.product[in.example.deal]); }},
    {"series", "the product series", FeatureKind::kCategorical, Labels::kSeries,
     [](const FeatureInput& in) { return Code(ProductOf(in).series); }},
    {"list_price", "the product's list price", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return Number(ProductOf(in).sales_price); }},
    {"sector", "the account's sector", FeatureKind::kCategorical, Labels::kSectors,
     [](const FeatureInput& in) { return AccountOf(in) ? Code(AccountOf(in)->sector) : kMissingFeature; }},
    {"account_revenue", "the account's annual revenue", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return AccountOf(in) ? Number(AccountOf(in)->revenue) : kMissingFeature; }},
    {"account_employees", "the account's employees", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       const Account* account = AccountOf(in);
       return account && account->employees != kNoInteger ? static_cast<float>(account->employees)
                                                          : kMissingFeature;
     }},
    {"account_country", "the account's country", FeatureKind::kCategorical, Labels::kCountries,
     [](const FeatureInput& in) {
       return AccountOf(in) ? Code(AccountOf(in)->office_location) : kMissingFeature;
     }},
    {"account_has_parent", "whether the account is a subsidiary", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       return AccountOf(in) ? (AccountOf(in)->subsidiary_of.empty() ? 0.0f : 1.0f) : kMissingFeature;
     }},
    {"account_age_years", "the account's years since it was established", FeatureKind::kNumeric,
     Labels::kNone,
     [](const FeatureInput& in) {
       const Account* account = AccountOf(in);
       if (!account || account->year_established == kNoIndex) return kMissingFeature;
       return static_cast<float>(CivilFromDays(in.example.day).year - account->year_established);
     }},
    {"sales_agent", "the sales agent", FeatureKind::kCategorical, Labels::kAgents,
     [](const FeatureInput& in) { return Code(in.data.opportunities.sales_agent[in.example.deal]); }},
    {"manager", "the agent's manager", FeatureKind::kCategorical, Labels::kManagers,
     [](const FeatureInput& in) { return Code(AgentOf(in).manager); }},
    {"regional_office", "the regional office", FeatureKind::kCategorical, Labels::kOffices,
     [](const FeatureInput& in) { return Code(AgentOf(in).regional_office); }},
    {"agent_win_rate", "the agent's win rate", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return Rate(in.facts.agent_won, in.facts.agent_closed); }},
    {"agent_closed_deals", "the agent's closed deals", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return static_cast<float>(in.facts.agent_closed); }},
    {"account_win_rate", "the account's win rate", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       return AccountOf(in) ? Rate(in.facts.account_won, in.facts.account_closed) : kMissingFeature;
     }},
    {"account_closed_deals", "the account's closed deals", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       return AccountOf(in) ? static_cast<float>(in.facts.account_closed) : kMissingFeature;
     }},
    {"product_win_rate", "the product's win rate", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return Rate(in.facts.product_won, in.facts.product_closed); }},
    {"product_closed_deals", "the product's closed deals", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return static_cast<float>(in.facts.product_closed); }},
    {"agent_open_deals", "the agent's open deals", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) { return static_cast<float>(in.facts.agent_open); }},
    {"deal_age_days", "days since the deal was engaged", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       const int32_t engaged = EngageDay(in);
       return engaged == kNoDay ? kMissingFeature : static_cast<float>(in.example.day - engaged);
     }},
    {"engage_month", "the month the deal was engaged", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       const int32_t engaged = EngageDay(in);
       return engaged == kNoDay ? kMissingFeature : static_cast<float>(CivilFromDays(engaged).month);
     }},
    {"deal_activities", "activities logged on the deal", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       return static_cast<float>(in.deal_activities.CountUpTo(in.example.deal, in.example.day));
     }},
    {"deal_activities_30d", "activities on the deal in the last 30 days", FeatureKind::kNumeric,
     Labels::kNone,
     [](const FeatureInput& in) {
       return static_cast<float>(
           in.deal_activities.CountBetween(in.example.deal, in.example.day - 30, in.example.day));
     }},
    {"days_since_deal_activity", "days since the deal's last activity", FeatureKind::kNumeric, Labels::kNone,
     [](const FeatureInput& in) {
       const int32_t last = in.deal_activities.LastUpTo(in.example.deal, in.example.day);
       return last == kNoDay ? kMissingFeature : static_cast<float>(in.example.day - last);
     }},
    {"account_activities_90d", "activities with the account in the last 90 days", FeatureKind::kNumeric,
     Labels::kNone,
     [](const FeatureInput& in) {
       const int32_t account = in.data.opportunities.account[in.example.deal];
       if (account == kNoIndex) return kMissingFeature;
       return static_cast<float>(
           in.account_activities.CountBetween(account, in.example.day - 90, in.example.day));
     }},
}};

//! Names that describe a deal's outcome and why each cannot be a feature.
struct OutcomeField {
  const char* name;
  const char* reason;
};
constexpr std::array<OutcomeField, 6> kOutcomeFields{{
    {"close_value", "every Lost deal has close value 0, so it gives the outcome away"},
    {"close_date", "a deal gets its close date only when its outcome is known"},
    {"deal_stage", "the stage of a closed deal is its outcome"},
    {"cycle_days", "the cycle length needs the close date, known only with the outcome"},
    {"days_to_close", "it needs the close date, known only with the outcome"},
    {"won", "it is the outcome itself"},
}};

std::vector<std::string> CategoryLabels(const Dataset& data, Labels labels) {
  std::vector<std::string> out;
  switch (labels) {
    case Labels::kNone:
      break;
    case Labels::kProducts:
      for (const Product& product : data.products) out.push_back(product.name);
      break;
    case Labels::kSeries:
      return data.series.values();
    case Labels::kSectors:
      return data.sectors.values();
    case Labels::kCountries:
      return data.countries.values();
    case Labels::kAgents:
      for (const SalesAgent& agent : data.sales_agents) out.push_back(agent.name);
      break;
    case Labels::kManagers:
      return data.managers.values();
    case Labels::kOffices:
      return data.regional_offices.values();
  }
  return out;
}

//! Adds one closed deal to the counts.
void CountClosed(const OpportunityColumns& deals, int32_t row, DealHistoryCounts& counts) {
  const int won = deals.deal_stage[row] == DealStage::kWon ? 1 : 0;
  counts.agent_won[deals.sales_agent[row]] += won;
  ++counts.agent_closed[deals.sales_agent[row]];
  counts.product_won[deals.product[row]] += won;
  ++counts.product_closed[deals.product[row]];
  if (deals.account[row] != kNoIndex) {
    counts.account_won[deals.account[row]] += won;
    ++counts.account_closed[deals.account[row]];
  }
}

//! Empty counts sized for `data`; agent_open holds engaged deals until FinishOpen subtracts the closed.
DealHistoryCounts EmptyCounts(const Dataset& data, int32_t day) {
  DealHistoryCounts counts;
  counts.day = day;
  counts.agent_won.assign(data.sales_agents.size(), 0);
  counts.agent_closed.assign(data.sales_agents.size(), 0);
  counts.agent_open.assign(data.sales_agents.size(), 0);
  counts.account_won.assign(data.accounts.size(), 0);
  counts.account_closed.assign(data.accounts.size(), 0);
  counts.product_won.assign(data.products.size(), 0);
  counts.product_closed.assign(data.products.size(), 0);
  return counts;
}

//! The facts of one deal read from counts whose agent_open holds the agent's engaged deals.
DealHistoryFacts FactsOf(const OpportunityColumns& deals, int32_t row, const DealHistoryCounts& counts,
                         bool open_is_engaged) {
  DealHistoryFacts out;
  const int32_t agent = deals.sales_agent[row];
  const int32_t account = deals.account[row];
  const int32_t product = deals.product[row];
  out.agent_won = counts.agent_won[agent];
  out.agent_closed = counts.agent_closed[agent];
  out.product_won = counts.product_won[product];
  out.product_closed = counts.product_closed[product];
  if (account != kNoIndex) {
    out.account_won = counts.account_won[account];
    out.account_closed = counts.account_closed[account];
  }
  out.agent_open = counts.agent_open[agent] - (open_is_engaged ? counts.agent_closed[agent] : 0);
  return out;
}

//! Sweeps the examples in day order against the closed and engaged deals in date order.
std::vector<DealHistoryFacts> CollectHistory(const Dataset& data, std::span<const DealExample> examples) {
  const OpportunityColumns& deals = data.opportunities;
  std::vector<int32_t> closed, engaged;
  for (size_t i = 0; i < deals.size(); ++i) {
    if (IsClosed(deals.deal_stage[i]) && deals.close_date[i] != kNoDay)
      closed.push_back(static_cast<int32_t>(i));
    if (deals.engage_date[i] != kNoDay) engaged.push_back(static_cast<int32_t>(i));
  }
  std::sort(closed.begin(), closed.end(),
            [&](int32_t a, int32_t b) { return deals.close_date[a] < deals.close_date[b]; });
  std::sort(engaged.begin(), engaged.end(),
            [&](int32_t a, int32_t b) { return deals.engage_date[a] < deals.engage_date[b]; });
  std::vector<int32_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int32_t a, int32_t b) { return examples[a].day < examples[b].day; });

  DealHistoryCounts counts = EmptyCounts(data, 0);
  std::vector<DealHistoryFacts> facts(examples.size());
  size_t next_closed = 0, next_engaged = 0;
  for (int32_t index : order) {
    const DealExample& example = examples[index];
    for (; next_closed < closed.size() && deals.close_date[closed[next_closed]] <= example.day;
         ++next_closed) {
      CountClosed(deals, closed[next_closed], counts);
    }
    for (; next_engaged < engaged.size() && deals.engage_date[engaged[next_engaged]] <= example.day;
         ++next_engaged) {
      ++counts.agent_open[deals.sales_agent[engaged[next_engaged]]];
    }
    facts[index] = FactsOf(deals, example.deal, counts, true);
  }
  return facts;
}

}  // namespace

std::shared_ptr<const ActivityDays> ActivityDays::Of(const Dataset& data) {
  const ActivityColumns& activities = data.activities;
  auto days = std::make_shared<ActivityDays>();
  days->by_deal = DayLists(activities.opportunity, activities.date, data.opportunities.size());
  days->by_account = DayLists(activities.account, activities.date, data.accounts.size());
  return days;
}

Result<DealFeatureBuilder> DealFeatureBuilder::Create(const Dataset& data, std::span<const std::string> names,
                                                      std::shared_ptr<const ActivityDays> activities) {
  std::vector<int> features;
  for (const std::string& name : names) {
    for (const OutcomeField& field : kOutcomeFields) {
      if (name == field.name) {
        return Error{"feature '" + name + "' is refused: " + field.reason + " (leakage)"};
      }
    }
    auto it = std::find_if(kCatalogue.begin(), kCatalogue.end(),
                           [&](const FeatureDefinition& definition) { return name == definition.name; });
    if (it == kCatalogue.end()) {
      std::string known;
      for (const FeatureDefinition& definition : kCatalogue)
        known += (known.empty() ? "" : ", ") + std::string(definition.name);
      return Error{"unknown deal feature '" + name + "'; known: " + known};
    }
    features.push_back(static_cast<int>(it - kCatalogue.begin()));
  }
  if (!activities) activities = ActivityDays::Of(data);
  return DealFeatureBuilder(data, std::move(features), std::move(activities));
}

std::vector<std::string> DealFeatureBuilder::DefaultFeatures(DealFeatureSet set, bool has_activities) {
  std::vector<std::string> names;
  for (const FeatureDefinition& definition : kCatalogue) {
    const std::string name = definition.name;
    const bool activity = name.find("activit") != std::string::npos;
    const bool engagement = name == "deal_age_days" || name == "engage_month" ||
                            name == "deal_activities_30d" || name == "days_since_deal_activity";
    if (activity && !has_activities) continue;
    if (set == DealFeatureSet::kLeadScore && engagement) continue;
    names.push_back(name);
  }
  return names;
}

std::vector<std::string> DealFeatureBuilder::CatalogueNames() {
  std::vector<std::string> names;
  for (const FeatureDefinition& definition : kCatalogue) names.push_back(definition.name);
  return names;
}

DealFeatureBuilder::DealFeatureBuilder(const Dataset& data, std::vector<int> features,
                                       std::shared_ptr<const ActivityDays> activities)
    : data_(&data), features_(std::move(features)), activities_(std::move(activities)) {
  for (int feature : features_) {
    const FeatureDefinition& definition = kCatalogue[feature];
    specs_.push_back(
        {definition.name, definition.description, definition.kind, CategoryLabels(data, definition.labels)});
  }
}

FeatureMatrix DealFeatureBuilder::Build(std::span<const DealExample> examples) const {
  const bool one_day = std::all_of(examples.begin(), examples.end(), [&](const DealExample& example) {
    return example.day == examples[0].day;
  });
  if (!one_day || examples.empty()) return Fill(examples, CollectHistory(*data_, examples));
  std::vector<int32_t> deals;
  deals.reserve(examples.size());
  for (const DealExample& example : examples) deals.push_back(example.deal);
  return BuildAt(CountDealHistory(*data_, examples[0].day), deals);
}

DealHistoryCounts CountDealHistory(const Dataset& data, int32_t day) {
  const OpportunityColumns& deals = data.opportunities;
  DealHistoryCounts counts = EmptyCounts(data, day);
  for (size_t i = 0; i < deals.size(); ++i) {
    const auto row = static_cast<int32_t>(i);
    const bool closed =
        IsClosed(deals.deal_stage[i]) && deals.close_date[i] != kNoDay && deals.close_date[i] <= day;
    if (closed) CountClosed(deals, row, counts);
    if (!closed && deals.engage_date[i] != kNoDay && deals.engage_date[i] <= day)
      ++counts.agent_open[deals.sales_agent[i]];
  }
  return counts;
}

FeatureMatrix DealFeatureBuilder::BuildAt(const DealHistoryCounts& counts,
                                          std::span<const int32_t> deals) const {
  std::vector<DealExample> examples;
  std::vector<DealHistoryFacts> facts;
  examples.reserve(deals.size());
  facts.reserve(deals.size());
  for (int32_t deal : deals) {
    examples.push_back({deal, counts.day});
    facts.push_back(FactsOf(data_->opportunities, deal, counts, false));
  }
  return Fill(examples, facts);
}

void DealFeatureBuilder::FillRow(const DealHistoryCounts& counts, int32_t deal, std::span<float> row) const {
  FillOne({deal, counts.day}, FactsOf(data_->opportunities, deal, counts, false), row.data());
}

void DealFeatureBuilder::FillOne(const DealExample& example, const DealHistoryFacts& facts,
                                 float* out) const {
  const FeatureInput input{*data_, example, facts, activities_->by_deal, activities_->by_account};
  for (int feature : features_) *out++ = kCatalogue[feature].compute(input);
}

FeatureMatrix DealFeatureBuilder::Fill(std::span<const DealExample> examples,
                                       std::span<const DealHistoryFacts> facts) const {
  FeatureMatrix matrix;
  matrix.features = specs_;
  matrix.values.resize(examples.size() * features_.size());
  for (size_t i = 0; i < examples.size(); ++i) {
    FillOne(examples[i], facts[i], matrix.values.data() + i * features_.size());
  }
  return matrix;
}

}  // namespace crm::models
