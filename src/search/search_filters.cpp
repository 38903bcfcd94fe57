#include "crm/search/search_filters.h"

#include <cmath>

#include "crm/analytics/fact_text.h"
#include "crm/search/text_folding.h"

namespace crm::search {

namespace {

//! The index of the value of `values` equal to `name` (case and accents aside), or kNoIndex.
int32_t FindFolded(const std::vector<std::string>& values, std::string_view name) {
  const std::string folded = FoldText(name);
  for (size_t i = 0; i < values.size(); ++i) {
    if (FoldText(values[i]) == folded) return static_cast<int32_t>(i);
  }
  return kNoIndex;
}

Error Unknown(std::string_view what, std::string_view plural, std::string_view name,
              const std::vector<std::string>& known) {
  std::string message =
      "unknown " + std::string(what) + " '" + std::string(name) + "'; known " + std::string(plural) + ": ";
  for (size_t i = 0; i < known.size(); ++i) message += (i == 0 ? "" : ", ") + known[i];
  return Error{message};
}

//! Resolves one name filter to its code; kNoIndex when the filter is empty.
template <typename Rows, typename NameOf>
Result<int32_t> ResolveName(std::string_view name, const Rows& rows, NameOf name_of, std::string_view what,
                            std::string_view plural) {
  if (name.empty()) return kNoIndex;
  std::vector<std::string> names;
  for (const auto& row : rows) names.push_back(name_of(row));
  const int32_t code = FindFolded(names, name);
  if (code == kNoIndex) return Unknown(what, plural, name, names);
  return code;
}

const std::string& Itself(const std::string& value) { return value; }

//! The value of `field` for `account`, NaN when missing.
double FieldValue(const Account& account, AccountField field) {
  switch (field) {
    case AccountField::kEmployees:
      return account.employees == kNoInteger ? kNoNumber : static_cast<double>(account.employees);
    case AccountField::kRevenue:
      return account.revenue;
    case AccountField::kYearEstablished:
      return account.year_established == kNoIndex ? kNoNumber : account.year_established;
  }
  return kNoNumber;
}

//! "2,822 employees > 1,000", "revenue $1,100M > $1,000M", "founded 1996 < 2000".
std::string ConditionText(const NumericCondition& condition, double value) {
  const std::string op = std::string(" ") + condition.op + " ";
  switch (condition.field) {
    case AccountField::kEmployees:
      return analytics::GroupedText(value) + " employees" + op + analytics::GroupedText(condition.value);
    case AccountField::kRevenue:
      return "revenue " + analytics::UsdText(value) + "M" + op + analytics::UsdText(condition.value) + "M";
    case AccountField::kYearEstablished:
      return "founded " + std::to_string(static_cast<int64_t>(value)) + op +
             std::to_string(static_cast<int64_t>(condition.value));
  }
  return "";
}

void Note(std::vector<std::string>* reasons, std::string reason) {
  if (reasons != nullptr) reasons->push_back(std::move(reason));
}

}  // namespace

std::string_view AccountFieldName(AccountField field) {
  switch (field) {
    case AccountField::kEmployees:
      return "employees";
    case AccountField::kRevenue:
      return "revenue";
    case AccountField::kYearEstablished:
      return "year_established";
  }
  return "";
}

std::optional<AccountField> AccountFieldFromName(std::string_view name) {
  for (const AccountField field :
       {AccountField::kEmployees, AccountField::kRevenue, AccountField::kYearEstablished}) {
    if (AccountFieldName(field) == name) return field;
  }
  return std::nullopt;
}

Result<ResolvedFilters> ResolvedFilters::Resolve(const SearchFilters& filters, const Dataset& data) {
  ResolvedFilters resolved(data);
  auto sector = ResolveName(filters.sector, data.sectors.values(), Itself, "sector", "sectors");
  if (!sector.ok()) return sector.error();
  resolved.sector_ = *sector;
  auto country = ResolveName(filters.country, data.countries.values(), Itself, "country", "countries");
  if (!country.ok()) return country.error();
  resolved.country_ = *country;
  auto product = ResolveName(
      filters.product, data.products, [](const Product& product) { return product.name; }, "product",
      "products");
  if (!product.ok()) return product.error();
  resolved.product_ = *product;
  auto agent = ResolveName(
      filters.sales_agent, data.sales_agents, [](const SalesAgent& agent) { return agent.name; },
      "sales agent", "sales agents");
  if (!agent.ok()) return agent.error();
  resolved.agent_ = *agent;
  std::vector<std::string> stages;
  for (int stage = 0; stage < kDealStageCount; ++stage) {
    stages.emplace_back(DealStageName(static_cast<DealStage>(stage)));
  }
  auto stage = ResolveName(filters.deal_stage, stages, Itself, "deal stage", "deal stages");
  if (!stage.ok()) return stage.error();
  resolved.stage_ = *stage;
  for (const NumericCondition& condition : filters.numeric) {
    if (condition.op != '<' && condition.op != '>') {
      return Error{"a condition on " + std::string(AccountFieldName(condition.field)) +
                   " must use < or >, not '" + std::string(1, condition.op) + "'"};
    }
    if (!std::isfinite(condition.value)) {
      return Error{"a condition on " + std::string(AccountFieldName(condition.field)) + " needs a number"};
    }
  }
  resolved.numeric_ = filters.numeric;
  return resolved;
}

bool ResolvedFilters::AccountPasses(int32_t row, std::vector<std::string>* reasons) const {
  const Account& account = data_->accounts[row];
  if (sector_ != kNoIndex) {
    if (account.sector != sector_) return false;
    Note(reasons, data_->sectors.Value(sector_));
  }
  if (country_ != kNoIndex) {
    if (account.office_location != country_) return false;
    Note(reasons, data_->countries.Value(country_));
  }
  for (const NumericCondition& condition : numeric_) {
    const double value = FieldValue(account, condition.field);
    if (!HasValue(value)) return false;
    if (condition.op == '<' ? !(value < condition.value) : !(value > condition.value)) return false;
    Note(reasons, ConditionText(condition, value));
  }
  return true;
}

bool ResolvedFilters::DealPasses(int32_t product, int32_t agent, DealStage stage,
                                 std::vector<std::string>* reasons) const {
  if (stage_ != kNoIndex && static_cast<int32_t>(stage) != stage_) return false;
  if (product_ != kNoIndex && product != product_) return false;
  if (agent_ != kNoIndex && agent != agent_) return false;
  if (stage_ != kNoIndex) Note(reasons, std::string(DealStageName(static_cast<DealStage>(stage_))));
  if (product_ != kNoIndex) Note(reasons, data_->products[product_].name);
  if (agent_ != kNoIndex) Note(reasons, "agent " + data_->sales_agents[agent_].name);
  return true;
}

bool ResolvedFilters::OpportunityPasses(int32_t row, std::vector<std::string>* reasons) const {
  const OpportunityColumns& deals = data_->opportunities;
  if (!DealPasses(deals.product[row], deals.sales_agent[row], deals.deal_stage[row], reasons)) return false;
  if (!HasAccountFilters()) return true;
  return deals.account[row] != kNoIndex && AccountPasses(deals.account[row], reasons);
}

}  // namespace crm::search
