// Analytics benchmark: the five group-by queries of the issue and every insight type, timed in-process
// on a dataset imported from a CSV folder (the import itself is not timed here; see bench_ingest).
//   bench_analytics DIR [--runs N] [--type TYPE]
// Prints one JSON line per measurement: {"query", "ms" (wall clock, best of N runs), "cpu_ms" (of that
// run), "runs", "rows"}; the line "five_queries" sums the five best times, "engine_build" times building the
// engine over the dataset, and "cold:TYPE" the first query of a type on a fresh engine (which learns the
// facts the type needs, shared afterwards by every query at that date); "insight:forecast[office=West]" and
// "insight:forecast[product=P]" time the forecast with a filter (the most frequent product).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/analytics/as_of_state.h"
#include "crm/analytics/engine.h"

namespace {

//! CPU milliseconds used so far by this thread.
double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) * 1e-6;
}

//! Wall-clock and CPU milliseconds of the fastest of `runs` calls of `work`.
struct Timing {
  double ms = 1e300;
  double cpu_ms = 0;
};
Timing Best(int runs, const std::function<void()>& work) {
  Timing best;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = ThreadCpuMs();
    work();
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (ms < best.ms) best = {ms, ThreadCpuMs() - cpu_start};
  }
  return best;
}

double Round3(double value) { return std::round(value * 1000) / 1000; }

void Print(const std::string& query, const Timing& timing, int runs, size_t rows) {
  std::cout << nlohmann::json{{"query", query},
                              {"ms", Round3(timing.ms)},
                              {"cpu_ms", Round3(timing.cpu_ms)},
                              {"runs", runs},
                              {"rows", rows}}
                   .dump()
            << std::endl;
}

//! Filters for the filtered forecasts: the West office and the product with the most deals.
std::vector<std::pair<std::string, crm::analytics::FilterRequest>> FilteredForecasts(
    const crm::Dataset& data) {
  std::vector<int64_t> deals(data.products.size(), 0);
  for (int32_t product : data.opportunities.product) ++deals[static_cast<size_t>(product)];
  const std::string product =
      data.products[static_cast<size_t>(std::max_element(deals.begin(), deals.end()) - deals.begin())].name;
  crm::analytics::FilterRequest west, by_product;
  west.regional_office = "West";
  by_product.product = product;
  return {{"office=West", west}, {"product=" + product, by_product}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times the analytics engine: five group-by queries and every insight type (JSON lines)");
  std::string dir;
  int runs = 5;
  std::string only;
  app.add_option("DIR", dir, "folder of CSV files (demo-data layout)")->required();
  app.add_option("--type", only, "time only this insight type (and skip the five queries)");
  app.add_option("--runs", runs, "runs per measurement; the fastest counts")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(dir);
  if (!imported) return 1;
  const crm::Dataset& data = *imported;
  Print("engine_build", Best(1, [&] { const crm::analytics::Engine fresh(data); }), 1,
        data.opportunities.size());
  const crm::analytics::Engine engine(data);
  auto filter = crm::analytics::ResolveFilters(data, {}, engine.latest_day());
  if (!filter.ok()) return 1;
  const size_t rows = data.opportunities.size();
  using crm::analytics::Dimension;
  // The five queries: won revenue by sector and by agent, win rate by product, won revenue by month,
  // count by stage. Each is a full query: snapshot, estimates, selection and the grouped pass.
  const std::pair<const char*, Dimension> five[] = {{"won_revenue_by_sector", Dimension::kSector},
                                                    {"won_revenue_by_agent", Dimension::kSalesAgent},
                                                    {"win_rate_by_product", Dimension::kProduct},
                                                    {"won_revenue_by_month", Dimension::kMonth},
                                                    {"count_by_stage", Dimension::kDealStage}};
  Timing total{0, 0};
  for (const auto& [name, dimension] : only.empty() ? std::span(five) : std::span(five).first(0)) {
    const Timing timing = Best(runs, [&] { engine.Breakdown(dimension, *filter); });
    total.ms += timing.ms;
    total.cpu_ms += timing.cpu_ms;
    Print(name, timing, runs, rows);
  }
  if (only.empty()) Print("five_queries", total, runs, rows);
  if (only.empty()) {
    // What building the engine does beyond the as-of state: learning the deal facts (two threads), and
    // each fact alone on a fresh state (the facts of other as-of dates are learned on first use).
    const auto fresh_state = [&] {
      return std::make_unique<const crm::analytics::AsOfState>(data, engine.calendar(), filter->as_of,
                                                               engine.latest_day());
    };
    Print("state_build", Best(1, [&] { fresh_state(); }), 1, rows);
    const auto state = fresh_state();
    Print("learn_deal_facts", Best(1, [&] { state->LearnDealFacts(); }), 1, rows);
    const auto alone = fresh_state();
    const std::pair<const char*, std::function<void()>> facts[] = {
        {"activity", [&] { alone->activity(); }},
        {"account_health", [&] { alone->account_health(); }},
        {"won_cycles", [&] { alone->won_cycles(); }},
        {"deal_counts", [&] { alone->deal_counts(); }},
        {"deal_survival", [&] { alone->deal_survival(); }},
        {"forecast_simulation", [&] { alone->forecast_simulation(); }}};
    for (const auto& [name, learn] : facts) Print(std::string("fact:") + name, Best(1, learn), 1, rows);
  }
  for (const std::string& type : crm::analytics::InsightTypes()) {
    if (!only.empty() && type != only) continue;
    // Cold: the first query on a fresh engine, which also learns the facts the insight needs.
    const crm::analytics::Engine fresh(data);
    Print("cold:" + type, Best(1, [&] { (void)fresh.Run(type, *filter); }), 1, rows);
    Print("insight:" + type, Best(runs, [&] { (void)engine.Run(type, *filter); }), runs, rows);
  }
  if (!only.empty() && only != "forecast") return 0;
  for (const auto& [label, request] : FilteredForecasts(data)) {
    auto narrowed = crm::analytics::ResolveFilters(data, request, engine.latest_day());
    if (!narrowed.ok()) return 1;
    Print("insight:forecast[" + label + "]", Best(runs, [&] { (void)engine.Run("forecast", *narrowed); }),
          runs, rows);
  }
  return 0;
}
