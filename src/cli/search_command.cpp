// `crm-assistant search "TEXT" [filters] [--similar-to ACCOUNT]`: hybrid search and look-alike accounts.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/search/result_json.h"
#include "crm/search/search_index.h"
#include "crm/search/text_folding.h"
#include "crm/store/store.h"

namespace crm::cli {

namespace {

//! What the command line asked for.
struct SearchArguments {
  std::string text, kind, sector, country, stage, product, sales_agent, similar_to;
  std::string min_employees, max_employees, min_revenue, max_revenue, founded_before, founded_after;
  uint64_t k = 10;
};

//! Prints a usage error and returns exit status 2.
int UsageError(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return 2;
}

//! Adds `field op value` to `filters` when `value` is given; false when it is not a number.
bool AddCondition(search::SearchFilters& filters, search::AccountField field, char op,
                  const std::string& value) {
  if (value.empty()) return true;
  char* end = nullptr;
  const double number = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || *end != '\0' || !std::isfinite(number)) return false;
  filters.numeric.push_back({field, op, number});
  return true;
}

void PrintText(const std::vector<search::SearchResult>& results) {
  if (results.empty()) std::cout << "No results.\n";
  for (size_t i = 0; i < results.size(); ++i) {
    const search::SearchResult& result = results[i];
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", result.score);
    std::cout << (i + 1) << ". [" << search::RecordKindName(result.kind) << "] ";
    if (result.kind == search::RecordKind::kOpportunity) std::cout << result.id << " ";
    std::cout << result.title << "  (score " << score << ")\n";
    if (!result.why.empty()) std::cout << "   " << result.why << "\n";
  }
}

int RunSearch(const GlobalOptions& options, const SearchArguments& arguments) {
  search::SearchRequest request{.text = arguments.text, .k = arguments.k};
  search::SearchFilters& filters = request.filters;
  filters = {.sector = arguments.sector,
             .country = arguments.country,
             .deal_stage = arguments.stage,
             .product = arguments.product,
             .sales_agent = arguments.sales_agent};
  using search::AccountField;
  const std::pair<const char*, bool> conditions[] = {
      {"--min-employees", AddCondition(filters, AccountField::kEmployees, '>', arguments.min_employees)},
      {"--max-employees", AddCondition(filters, AccountField::kEmployees, '<', arguments.max_employees)},
      {"--min-revenue", AddCondition(filters, AccountField::kRevenue, '>', arguments.min_revenue)},
      {"--max-revenue", AddCondition(filters, AccountField::kRevenue, '<', arguments.max_revenue)},
      {"--founded-before",
       AddCondition(filters, AccountField::kYearEstablished, '<', arguments.founded_before)},
      {"--founded-after",
       AddCondition(filters, AccountField::kYearEstablished, '>', arguments.founded_after)}};
  for (const auto& [option, ok] : conditions) {
    if (!ok) return UsageError(std::string(option) + " needs a number");
  }
  if (arguments.kind == "account" || arguments.kind == "accounts") {
    request.kinds = search::KindSelection::kAccounts;
  } else if (arguments.kind == "opportunity" || arguments.kind == "opportunities") {
    request.kinds = search::KindSelection::kOpportunities;
  } else if (!arguments.kind.empty()) {
    return UsageError("--kind must be account or opportunity, not '" + arguments.kind + "'");
  }
  if (arguments.similar_to.empty() && search::Words(arguments.text).empty() && filters.empty()) {
    return UsageError("give words to search for, a filter or --similar-to ACCOUNT");
  }
  auto loaded = LoadData(options);
  if (!loaded.ok()) return Fail(loaded.error());
  const Dataset& data = loaded->data;
  auto index = OpenSearchIndex(options, data);
  if (!index.ok()) return Fail(index.error());
  Result<std::vector<search::SearchResult>> results = std::vector<search::SearchResult>();
  if (!arguments.similar_to.empty()) {
    const int32_t account = (*index)->FindAccount(arguments.similar_to);
    if (account == kNoIndex) return Fail(Error{"no account named '" + arguments.similar_to + "'"});
    results = (*index)->SimilarAccounts(account, request.k, filters);
  } else {
    results = (*index)->Search(request);
  }
  if (!results.ok()) return Fail(results.error());
  if (options.json) {
    PrintJson(search::ResultsJson(arguments.text, *results));
  } else {
    PrintText(*results);
  }
  return 0;
}

}  // namespace

Command SearchCommand(const GlobalOptions& options) {
  auto arguments = std::make_shared<SearchArguments>();
  Command command{"search", "Find accounts and opportunities by words, filters or likeness", {}, nullptr};
  auto& list = command.options;
  list.push_back(
      {"TEXT", "words to search for (an opportunity id or account name is an exact hit)", &arguments->text});
  list.push_back({"--k", "most results", &arguments->k, false, std::pair<uint64_t, uint64_t>{1, 1000}});
  list.push_back({"--kind", "account or opportunity (default: both)", &arguments->kind});
  list.push_back({"--sector", "only this sector", &arguments->sector});
  list.push_back({"--country", "only accounts (and their deals) in this country", &arguments->country});
  list.push_back({"--stage", "only deals in this stage (accounts: with such a deal)", &arguments->stage});
  list.push_back(
      {"--product", "only deals of this product (accounts: with such a deal)", &arguments->product});
  list.push_back(
      {"--sales-agent", "only deals of this agent (accounts: with such a deal)", &arguments->sales_agent});
  list.push_back({"--min-employees", "more than N employees", &arguments->min_employees});
  list.push_back({"--max-employees", "fewer than N employees", &arguments->max_employees});
  list.push_back({"--min-revenue", "revenue above N (millions of USD)", &arguments->min_revenue});
  list.push_back({"--max-revenue", "revenue below N (millions of USD)", &arguments->max_revenue});
  list.push_back({"--founded-before", "established before year Y", &arguments->founded_before});
  list.push_back({"--founded-after", "established after year Y", &arguments->founded_after});
  list.push_back(
      {"--similar-to", "accounts that look like this one (size, sector, products)", &arguments->similar_to});
  command.run = [&options, arguments]() -> int { return RunSearch(options, *arguments); };
  return command;
}

}  // namespace crm::cli
