// Row-level access benchmark: how long the first request of a rep and of a manager waits while their
// workspace is built (their part of the data, the agents' context and the search index over it), and the
// cost of finding a built one again, on a dataset imported from a CSV folder.
//   bench_access DIR [--runs N]
// Prints one JSON line per measurement: {"query", "p50_ms", "p99_ms", "runs"}.
#include <iostream>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "bench_support.h"
#include "crm/access/workspaces.h"

using crm::bench::MeasurePercentiles;

int main(int argc, char** argv) {
  CLI::App app("Times row-level scoping: building a rep's and a manager's workspace (JSON lines)");
  std::string dir;
  int runs = 5;
  app.add_option("DIR", dir, "folder of the CSV files")->required();
  app.add_option("--runs", runs, "builds per measurement")->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);
  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(dir);
  if (!imported) return 1;
  const crm::Dataset& data = *imported;
  if (data.sales_agents.empty()) {
    std::cerr << "error: the data has no sales agents\n";
    return 1;
  }
  const auto whole = crm::agents::AgentContext::Build(data, nullptr);
  if (!whole.ok()) {
    std::cerr << "error: " << whole.error().message << '\n';
    return 1;
  }
  const crm::llm::OfflineWriter writer;
  const auto build_index = [](const crm::Dataset& part) { return crm::search::SearchIndex::Build(part); };
  const crm::SalesAgent& agent = data.sales_agents.front();
  const crm::access::Scope rep = crm::access::Scope::Agent(agent.name);
  const crm::access::Scope team = crm::access::Scope::Team(std::string(data.managers.Value(agent.manager)));
  MeasurePercentiles("scope_dataset_rep", runs, [&](int) { (void)crm::access::ScopeDataset(data, rep); });
  MeasurePercentiles("first_request_rep", runs, [&](int) {
    crm::access::Workspaces workspaces(**whole, nullptr, writer, build_index);
    (void)workspaces.For(rep);
  });
  MeasurePercentiles("first_request_manager", runs, [&](int) {
    crm::access::Workspaces workspaces(**whole, nullptr, writer, build_index);
    (void)workspaces.For(team);
  });
  crm::access::Workspaces workspaces(**whole, nullptr, writer, build_index);
  (void)workspaces.For(rep);
  MeasurePercentiles("later_request_rep", 1000, [&](int) { (void)workspaces.For(rep); });
  return 0;
}
