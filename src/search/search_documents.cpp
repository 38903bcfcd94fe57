#include "crm/search/search_documents.h"

#include <algorithm>
#include <unordered_map>

#include "crm/analytics/fact_text.h"

namespace crm::search {

namespace {

//! Most agents and activity subjects named in an account's text (the most frequent ones).
constexpr size_t kNamedAgents = 8;
constexpr size_t kNamedSubjects = 5;

//! Counts per code, for picking the most frequent few.
using Counts = std::unordered_map<int32_t, int64_t>;

//! What an account's text says beyond its own row, gathered in one pass over deals and activities.
struct AccountLinks {
  std::vector<std::vector<int32_t>> products;  //!< distinct product rows per account, ascending
  std::vector<Counts> agents;                  //!< deals per agent row, per account
  std::vector<Counts> subjects;                //!< activities per subject code, per account
  std::vector<std::vector<int32_t>> subsidiaries;
};

AccountLinks GatherLinks(const Dataset& data) {
  const size_t accounts = data.accounts.size();
  AccountLinks links{std::vector<std::vector<int32_t>>(accounts), std::vector<Counts>(accounts),
                     std::vector<Counts>(accounts), std::vector<std::vector<int32_t>>(accounts)};
  std::vector<uint8_t> seen(accounts * data.products.size(), 0);
  const OpportunityColumns& deals = data.opportunities;
  for (size_t row = 0; row < deals.size(); ++row) {
    const int32_t account = deals.account[row];
    if (account == kNoIndex) continue;
    ++links.agents[account][deals.sales_agent[row]];
    uint8_t& bought = seen[static_cast<size_t>(account) * data.products.size() + deals.product[row]];
    if (!bought) links.products[account].push_back(deals.product[row]);
    bought = 1;
  }
  for (auto& products : links.products) std::sort(products.begin(), products.end());
  for (size_t row = 0; row < data.activities.size(); ++row) {
    if (data.activities.account[row] != kNoIndex)
      ++links.subjects[data.activities.account[row]][data.activities.subject[row]];
  }
  for (size_t row = 0; row < accounts; ++row) {
    if (data.accounts[row].parent != kNoIndex) links.subsidiaries[data.accounts[row].parent].push_back(row);
  }
  return links;
}

//! The `limit` most frequent codes of `counts` (ties by code).
std::vector<int32_t> MostFrequent(const Counts& counts, size_t limit) {
  std::vector<std::pair<int32_t, int64_t>> ranked(counts.begin(), counts.end());
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<int32_t> codes;
  for (size_t i = 0; i < ranked.size() && i < limit; ++i) codes.push_back(ranked[i].first);
  return codes;
}

//! Appends "; <label> a, b, c" when `names` is not empty.
template <typename NameOf>
void AppendList(std::string& text, std::string_view label, const std::vector<int32_t>& codes,
                NameOf name_of) {
  if (codes.empty()) return;
  text += "; ";
  text += label;
  for (size_t i = 0; i < codes.size(); ++i) {
    text += i == 0 ? " " : ", ";
    text += name_of(codes[i]);
  }
}

std::string AccountText(const Dataset& data, int32_t row, const AccountLinks& links) {
  const Account& account = data.accounts[row];
  std::string text = account.name;
  if (account.sector != kNoIndex) text += ", " + data.sectors.Value(account.sector) + " company";
  if (account.office_location != kNoIndex) text += " in " + data.countries.Value(account.office_location);
  if (account.year_established != kNoIndex) text += ", founded " + std::to_string(account.year_established);
  if (HasValue(account.revenue)) text += ", revenue " + analytics::UsdText(account.revenue) + " million";
  if (account.employees != kNoInteger) {
    text += ", " + analytics::GroupedText(static_cast<double>(account.employees)) + " employees";
  }
  if (!account.subsidiary_of.empty()) text += "; subsidiary of " + account.subsidiary_of;
  const auto account_name = [&](int32_t code) { return data.accounts[code].name; };
  AppendList(text, "parent of", links.subsidiaries[row], account_name);
  AppendList(text, "buys", links.products[row], [&](int32_t code) { return data.products[code].name; });
  AppendList(text, "worked by", MostFrequent(links.agents[row], kNamedAgents),
             [&](int32_t code) { return data.sales_agents[code].name; });
  AppendList(text, "recent activities", MostFrequent(links.subjects[row], kNamedSubjects),
             [&](int32_t code) { return data.activity_subjects.Value(code); });
  return text;
}

//! Most agents named in the text of a deals document (the most frequent ones).
constexpr size_t kNamedDealAgents = 5;

//! Deals are grouped by account and product: a million deals make tens of thousands of groups, where
//! grouping by everything but the id would leave most of them apart (agents and stages vary).
uint64_t GroupKey(const OpportunityColumns& deals, size_t row) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(deals.account[row])) << 32) |
         static_cast<uint32_t>(deals.product[row]);
}

}  // namespace

int32_t LatestDay(const OpportunityColumns& deals, int32_t row) {
  return deals.close_date[row] != kNoDay ? deals.close_date[row] : deals.engage_date[row];
}

std::string_view RecordKindName(RecordKind kind) {
  return kind == RecordKind::kAccount ? "account" : "opportunity";
}

std::string DocumentTitle(const Dataset& data, const SearchDocuments& documents, size_t document) {
  const int32_t row = documents.Rows(document).front();
  if (documents.kinds[document] == RecordKind::kAccount) return data.accounts[row].name;
  const int32_t account = data.opportunities.account[row];
  const std::string& product = data.products[data.opportunities.product[row]].name;
  return account == kNoIndex ? product : product + " " + data.accounts[account].name;
}

std::string OpportunityGroupText(const Dataset& data, std::span<const int32_t> rows) {
  const OpportunityColumns& deals = data.opportunities;
  const int32_t first = rows.front();
  const Product& product = data.products[deals.product[first]];
  std::string text = product.name;
  if (product.series != kNoIndex) text += " (" + data.series.Value(product.series) + " series)";
  const int32_t account = deals.account[first];
  if (account == kNoIndex) {
    text += " deals, no account yet";
  } else {
    const Account& customer = data.accounts[account];
    text += " deals with " + customer.name;
    if (customer.sector != kNoIndex) text += ", " + data.sectors.Value(customer.sector);
    if (customer.office_location != kNoIndex) text += ", " + data.countries.Value(customer.office_location);
  }
  bool stages[kDealStageCount] = {};
  Counts agents;
  for (const int32_t row : rows) {
    stages[static_cast<int>(deals.deal_stage[row])] = true;
    ++agents[deals.sales_agent[row]];
  }
  text += ";";
  for (int stage = 0; stage < kDealStageCount; ++stage) {
    if (stages[stage]) (text += " ") += DealStageName(static_cast<DealStage>(stage));
  }
  AppendList(text, "sales agents", MostFrequent(agents, kNamedDealAgents), [&](int32_t code) {
    const SalesAgent& agent = data.sales_agents[code];
    std::string name = agent.name;
    if (agent.manager != kNoIndex) name += " (" + data.managers.Value(agent.manager) + "'s team";
    if (agent.regional_office != kNoIndex) {
      name += (agent.manager != kNoIndex ? ", " : " (") + data.regional_offices.Value(agent.regional_office) +
              " office";
    }
    return agent.manager != kNoIndex || agent.regional_office != kNoIndex ? name + ")" : name;
  });
  return text;
}

SearchDocuments CollectDocuments(const Dataset& data) {
  SearchDocuments documents;
  const AccountLinks links = GatherLinks(data);
  for (size_t row = 0; row < data.accounts.size(); ++row) {
    documents.kinds.push_back(RecordKind::kAccount);
    documents.texts.Append(AccountText(data, static_cast<int32_t>(row), links));
    documents.rows.push_back(static_cast<int32_t>(row));
    documents.row_offsets.push_back(static_cast<uint32_t>(documents.rows.size()));
  }
  documents.account_count = data.accounts.size();
  // Group the deals by key: the first deal of each key names the document, in order of appearance.
  const OpportunityColumns& deals = data.opportunities;
  std::unordered_map<uint64_t, uint32_t> group_of;
  std::vector<uint32_t> deal_group(deals.size());
  std::vector<int32_t> first_deal;
  for (size_t row = 0; row < deals.size(); ++row) {
    const auto [it, added] =
        group_of.try_emplace(GroupKey(deals, row), static_cast<uint32_t>(first_deal.size()));
    if (added) first_deal.push_back(static_cast<int32_t>(row));
    deal_group[row] = it->second;
  }
  // Counting sort of the deals by group keeps each group's rows ascending.
  std::vector<uint32_t> group_offsets(first_deal.size() + 1, 0);
  for (const uint32_t group : deal_group) ++group_offsets[group + 1];
  for (size_t group = 0; group < first_deal.size(); ++group) group_offsets[group + 1] += group_offsets[group];
  const size_t base = documents.rows.size();
  documents.rows.resize(base + deals.size());
  std::vector<uint32_t> next(group_offsets.begin(), group_offsets.end() - 1);
  for (size_t row = 0; row < deals.size(); ++row) documents.rows[base + next[deal_group[row]]++] = row;
  for (size_t group = 0; group < first_deal.size(); ++group) {
    const auto begin = documents.rows.begin() + base + group_offsets[group];
    std::stable_sort(begin, documents.rows.begin() + base + group_offsets[group + 1],
                     [&](int32_t a, int32_t b) { return LatestDay(deals, a) > LatestDay(deals, b); });
    documents.kinds.push_back(RecordKind::kOpportunity);
    documents.texts.Append(OpportunityGroupText(
        data, std::span<const int32_t>(documents.rows)
                  .subspan(base + group_offsets[group], group_offsets[group + 1] - group_offsets[group])));
    documents.row_offsets.push_back(static_cast<uint32_t>(base + group_offsets[group + 1]));
  }
  return documents;
}

}  // namespace crm::search
