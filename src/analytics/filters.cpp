#include "crm/analytics/filters.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace crm::analytics {

namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

//! Index of the name equal to `given` (exact first, then ignoring case), or an error listing some names.
template <typename NameOf>
Result<int32_t> FindName(std::string_view what, std::string_view given, size_t count, NameOf name_of) {
  for (size_t i = 0; i < count; ++i) {
    if (name_of(i) == given) return static_cast<int32_t>(i);
  }
  for (size_t i = 0; i < count; ++i) {
    if (EqualsIgnoringCase(name_of(i), given)) return static_cast<int32_t>(i);
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < count; ++i) names.emplace_back(name_of(i));
  std::sort(names.begin(), names.end());
  std::string known;
  constexpr size_t kShown = 12;
  for (size_t i = 0; i < std::min(names.size(), kShown); ++i) known += (i ? ", " : "") + names[i];
  if (names.size() > kShown) known += ", … (" + std::to_string(names.size()) + " in all)";
  return Error{"unknown " + std::string(what) + " '" + std::string(given) + "'; known: " + known};
}

Result<int32_t> FindInDictionary(std::string_view what, std::string_view given,
                                 const StringDictionary& dictionary) {
  return FindName(what, given, dictionary.size(),
                  [&](size_t i) -> std::string_view { return dictionary.Value(static_cast<int32_t>(i)); });
}

template <typename Row>
Result<int32_t> FindRow(std::string_view what, std::string_view given, const std::vector<Row>& rows) {
  return FindName(what, given, rows.size(), [&](size_t i) -> std::string_view { return rows[i].name; });
}

}  // namespace

bool DealFilter::PassesAccount(const Dataset& data, int32_t row) const {
  if (row == kNoIndex) return !FiltersAccounts();
  const Account& named = data.accounts[row];
  return (account == kNoIndex || account == row) && (sector == kNoIndex || sector == named.sector) &&
         (country == kNoIndex || country == named.office_location);
}

DealFilter DealFilter::WithoutAccountFilters() const {
  DealFilter others = *this;
  others.account = others.sector = others.country = kNoIndex;
  return others;
}

std::vector<std::pair<std::string_view, std::string*>> FilterRequest::Fields() {
  return {{"sector", &sector},
          {"regional_office", &regional_office},
          {"manager", &manager},
          {"sales_agent", &sales_agent},
          {"product", &product},
          {"series", &series},
          {"country", &country},
          {"account", &account},
          {"deal_stage", &deal_stage},
          {"period", &period},
          {"top", &top},
          {"by", &by},
          {"as_of", &as_of}};
}

Result<DealFilter> ResolveFilters(const Dataset& data, const FilterRequest& request, int32_t latest_day) {
  DealFilter filter;
  // Each dictionary-backed filter: its name, the text given, the dictionary and the code to fill.
  const struct {
    std::string_view name;
    const std::string& given;
    const StringDictionary& dictionary;
    int32_t& code;
  } coded[] = {{"sector", request.sector, data.sectors, filter.sector},
               {"regional_office", request.regional_office, data.regional_offices, filter.regional_office},
               {"manager", request.manager, data.managers, filter.manager},
               {"series", request.series, data.series, filter.series},
               {"country", request.country, data.countries, filter.country}};
  for (const auto& entry : coded) {
    if (entry.given.empty()) continue;
    auto code = FindInDictionary(entry.name, entry.given, entry.dictionary);
    if (!code.ok()) return code.error();
    entry.code = *code;
    filter.applied.emplace_back(entry.name, entry.dictionary.Value(*code));
  }
  // Each row-backed filter: found by name in its table, kept as the row.
  const auto resolve_row = [&filter](std::string_view name, const std::string& given, const auto& rows,
                                     int32_t& row) -> Status {
    if (given.empty()) return Status::Ok();
    auto found = FindRow(name, given, rows);
    if (!found.ok()) return found.error();
    row = *found;
    filter.applied.emplace_back(name, rows[*found].name);
    return Status::Ok();
  };
  for (const Status& status :
       {resolve_row("sales_agent", request.sales_agent, data.sales_agents, filter.sales_agent),
        resolve_row("product", request.product, data.products, filter.product),
        resolve_row("account", request.account, data.accounts, filter.account)}) {
    if (!status.ok()) return status.error();
  }
  if (!request.deal_stage.empty()) {
    std::optional<DealStage> stage;
    for (int s = 0; s < kDealStageCount; ++s) {
      if (EqualsIgnoringCase(DealStageName(static_cast<DealStage>(s)), request.deal_stage)) {
        stage = static_cast<DealStage>(s);
      }
    }
    if (!stage) {
      return Error{"unknown deal_stage '" + request.deal_stage +
                   "'; known: Prospecting, Engaging, Won, Lost"};
    }
    filter.deal_stage = stage;
    filter.applied.emplace_back("deal_stage", std::string(DealStageName(*stage)));
  }
  if (!request.period.empty()) {
    auto period = ParsePeriod(request.period);
    if (!period.ok()) return period.error();
    filter.period = *period;
    filter.applied.emplace_back("period", period->label);
  }
  if (!request.top.empty()) {
    int top = 0;
    const auto [end, error] =
        std::from_chars(request.top.data(), request.top.data() + request.top.size(), top);
    if (error != std::errc() || end != request.top.data() + request.top.size() || top < 1 || top > 100000) {
      return Error{"invalid top '" + request.top + "': use a whole number from 1 to 100000"};
    }
    filter.top = top;
    filter.applied.emplace_back("top", std::to_string(top));
  }
  if (!request.by.empty()) {
    filter.by = DimensionFromName(request.by);
    if (!filter.by) {
      std::string known;
      for (Dimension dimension : AllDimensions())
        known += (known.empty() ? "" : ", ") + std::string(DimensionName(dimension));
      return Error{"unknown by '" + request.by + "'; known: " + known};
    }
    filter.applied.emplace_back("by", std::string(DimensionName(*filter.by)));
  }
  if (!request.as_of.empty()) {
    const auto day = ParseIsoDate(request.as_of);
    if (!day) return Error{"invalid as_of '" + request.as_of + "': use a date as YYYY-MM-DD"};
    filter.as_of = *day;
    filter.as_of_given = true;
    filter.applied.emplace_back("as_of", FormatIsoDate(*day));
  } else {
    filter.as_of = latest_day != kNoDay ? latest_day : TodayUtc();
    // A period that ended earlier is seen as it stood at its end: ages count to its last day.
    if (filter.period && filter.period->last_day < filter.as_of) filter.as_of = filter.period->last_day;
  }
  return filter;
}

}  // namespace crm::analytics
