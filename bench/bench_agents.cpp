// Agents benchmark: p50 and p99 wall-clock times of an offline account summary, an email draft and an
// insight narrative on a dataset imported from a CSV folder, with the agents' shared context (engine,
// scorer, account insights) built once and timed on its own.
//   bench_agents DIR [--runs N]
// Prints one JSON line per measurement: {"query", "p50_ms", "p99_ms", "runs"}.
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench_support.h"
#include "crm/agents/account_summary.h"
#include "crm/agents/email_draft.h"
#include "crm/agents/narrative.h"

using crm::bench::MeasurePercentiles;

int main(int argc, char** argv) {
  CLI::App app("Times the agents with the offline writer: summary, email, narrative (JSON lines)");
  std::string dir;
  int runs = 200;
  app.add_option("DIR", dir, "folder of the CSV files")->required();
  app.add_option("--runs", runs, "calls per measurement")->check(CLI::Range(1, 100000));
  CLI11_PARSE(app, argc, argv);
  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(dir);
  if (!imported) return 1;
  const crm::Dataset& data = *imported;
  std::unique_ptr<crm::agents::AgentContext> context;
  MeasurePercentiles("context_build", 1, [&](int) {
    context = std::move(crm::agents::AgentContext::Build(data, nullptr)).value();
  });
  const crm::llm::OfflineWriter writer;
  const auto accounts = static_cast<int>(data.accounts.size());
  MeasurePercentiles("summary", runs,
                     [&](int i) { crm::agents::SummarizeAccount(*context, i % accounts, writer); });
  std::vector<int32_t> open;
  for (size_t row = 0; row < data.opportunities.size(); ++row) {
    if (data.opportunities.deal_stage[row] == crm::DealStage::kEngaging &&
        data.opportunities.account[row] != crm::kNoIndex)
      open.push_back(static_cast<int32_t>(row));
  }
  MeasurePercentiles("email", runs, [&](int i) {
    crm::agents::EmailRequest request;
    request.deal = open[static_cast<size_t>(i) % open.size()];
    request.type = crm::agents::AllEmailTypes()[static_cast<size_t>(i) % 6];
    request.tone = crm::agents::AllTones()[static_cast<size_t>(i) % 4];
    (void)crm::agents::DraftEmail(*context, request, writer);
  });
  std::vector<crm::analytics::Insight> insights;
  for (const std::string& type : crm::analytics::InsightTypes())
    insights.push_back(context->engine().Run(type, crm::analytics::FilterRequest{}).value());
  MeasurePercentiles("narrative", runs, [&](int i) {
    crm::agents::NarrateInsight(insights[static_cast<size_t>(i) % insights.size()], writer);
  });
  return 0;
}
