#include "crm/data/dataset.h"

#include "crm/data/erase_rows.h"

#include <algorithm>
#include <array>

namespace crm {

namespace {

constexpr std::array<std::string_view, kDealStageCount> kStageNames = {"Prospecting", "Engaging", "Won",
                                                                       "Lost"};

template <typename T>
size_t VectorBytes(const std::vector<T>& values) {
  return values.capacity() * sizeof(T);
}

}  // namespace

std::string_view DealStageName(DealStage stage) { return kStageNames[static_cast<int>(stage)]; }

std::optional<DealStage> DealStageFromName(std::string_view name) {
  for (int i = 0; i < kDealStageCount; ++i) {
    if (kStageNames[i] == name) return static_cast<DealStage>(i);
  }
  return std::nullopt;
}

void OpportunityColumns::Reserve(size_t rows) {
  id.Reserve(rows, rows * 8);
  sales_agent.reserve(rows);
  product.reserve(rows);
  account.reserve(rows);
  deal_stage.reserve(rows);
  engage_date.reserve(rows);
  close_date.reserve(rows);
  close_value.reserve(rows);
}

void OpportunityColumns::EraseRows(const std::vector<int32_t>& rows) {
  id.EraseRows(rows);
  EraseRowsFrom(sales_agent, rows);
  EraseRowsFrom(product, rows);
  EraseRowsFrom(account, rows);
  EraseRowsFrom(deal_stage, rows);
  EraseRowsFrom(engage_date, rows);
  EraseRowsFrom(close_date, rows);
  EraseRowsFrom(close_value, rows);
}

void OpportunityColumns::MoveRowsFrom(OpportunityColumns& tail) {
  id.AppendAll(StringColumn(std::move(tail.id)));
  crm::MoveRowsFrom(sales_agent, tail.sales_agent);
  crm::MoveRowsFrom(product, tail.product);
  crm::MoveRowsFrom(account, tail.account);
  crm::MoveRowsFrom(deal_stage, tail.deal_stage);
  crm::MoveRowsFrom(engage_date, tail.engage_date);
  crm::MoveRowsFrom(close_date, tail.close_date);
  crm::MoveRowsFrom(close_value, tail.close_value);
}

void ActivityColumns::EraseRows(const std::vector<int32_t>& rows) {
  id.EraseRows(rows);
  EraseRowsFrom(date, rows);
  EraseRowsFrom(type, rows);
  EraseRowsFrom(sales_agent, rows);
  EraseRowsFrom(account, rows);
  EraseRowsFrom(opportunity, rows);
  EraseRowsFrom(subject, rows);
}

void ActivityColumns::MoveRowsFrom(ActivityColumns& tail) {
  id.AppendAll(StringColumn(std::move(tail.id)));
  crm::MoveRowsFrom(date, tail.date);
  crm::MoveRowsFrom(type, tail.type);
  crm::MoveRowsFrom(sales_agent, tail.sales_agent);
  crm::MoveRowsFrom(account, tail.account);
  crm::MoveRowsFrom(opportunity, tail.opportunity);
  crm::MoveRowsFrom(subject, tail.subject);
}

void ActivityColumns::Reserve(size_t rows) {
  id.Reserve(rows, rows * 10);
  date.reserve(rows);
  type.reserve(rows);
  sales_agent.reserve(rows);
  account.reserve(rows);
  opportunity.reserve(rows);
  subject.reserve(rows);
}

void Dataset::BuildIndexes() {
  account_rows_.Build(accounts.size(), [this](size_t row) -> std::string_view { return accounts[row].name; });
  product_rows_.Build(products.size(), [this](size_t row) -> std::string_view { return products[row].name; });
  agent_rows_.Build(sales_agents.size(),
                    [this](size_t row) -> std::string_view { return sales_agents[row].name; });
  opportunity_rows_.Build(opportunities.size(), [this](size_t row) { return opportunities.id[row]; });
  for (Account& account : accounts) {
    account.parent = account.subsidiary_of.empty() ? kNoIndex : FindAccount(account.subsidiary_of);
  }
}

int32_t Dataset::FindAccount(std::string_view name) const {
  return account_rows_.Find(name, [this](size_t row) -> std::string_view { return accounts[row].name; });
}
int32_t Dataset::FindProduct(std::string_view name) const {
  return product_rows_.Find(name, [this](size_t row) -> std::string_view { return products[row].name; });
}
int32_t Dataset::FindSalesAgent(std::string_view name) const {
  return agent_rows_.Find(name, [this](size_t row) -> std::string_view { return sales_agents[row].name; });
}
int32_t Dataset::FindOpportunity(std::string_view id) const {
  return opportunity_rows_.Find(id, [this](size_t row) { return opportunities.id[row]; });
}

std::vector<std::pair<int32_t, int32_t>> Dataset::RepeatedOpportunityIds() const {
  return opportunity_rows_.Duplicates([this](size_t row) { return opportunities.id[row]; });
}

int32_t Dataset::LatestDate() const {
  int32_t latest = latest_date_floor;
  for (int32_t day : opportunities.engage_date) latest = std::max(latest, day);
  for (int32_t day : opportunities.close_date) latest = std::max(latest, day);
  for (int32_t day : activities.date) latest = std::max(latest, day);
  return latest;
}

size_t Dataset::MemoryBytes() const {
  const OpportunityColumns& o = opportunities;
  const ActivityColumns& a = activities;
  return o.id.MemoryBytes() + VectorBytes(o.sales_agent) + VectorBytes(o.product) + VectorBytes(o.account) +
         VectorBytes(o.deal_stage) + VectorBytes(o.engage_date) + VectorBytes(o.close_date) +
         VectorBytes(o.close_value) + a.id.MemoryBytes() + VectorBytes(a.date) + VectorBytes(a.type) +
         VectorBytes(a.sales_agent) + VectorBytes(a.account) + VectorBytes(a.opportunity) +
         VectorBytes(a.subject) + opportunity_rows_.MemoryBytes();
}

}  // namespace crm
