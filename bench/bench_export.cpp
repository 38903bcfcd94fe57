// Export benchmark: rows per second of each table format (CSV, XLSX, JSON, Markdown) on the whole
// sales pipeline of a CSV folder as one table, and the milliseconds of a PDF account report (summary,
// charts, every deal), on a dataset imported before anything is timed.
//   bench_export DIR [--runs N] [--account NAME]
// Prints one JSON line per measurement: {"format", "rows", "bytes", "best_ms", "rows_per_s"} for the
// table formats and {"format": "pdf", "account", "bytes", "p50_ms", "max_ms"} for the report.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/agents/account_lookup.h"
#include "crm/agents/agent_context.h"
#include "crm/common/date.h"
#include "crm/export/account_report.h"
#include "crm/export/exporter.h"
#include "crm/export/pdf_writer.h"

namespace {

using crm::analytics::Cell;

double Round3(double value) { return std::round(value * 1000) / 1000; }

double Milliseconds(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

//! Every deal as one table, as the pipeline file has it.
crm::analytics::Table PipelineTable(const crm::Dataset& data) {
  const crm::OpportunityColumns& deals = data.opportunities;
  crm::analytics::Table table{"sales_pipeline",
                              {"opportunity_id", "sales_agent", "product", "account", "deal_stage",
                               "engage_date", "close_date", "close_value"},
                              {}};
  const auto day = [](int32_t value) {
    return value == crm::kNoDay ? Cell() : Cell(crm::FormatIsoDate(value));
  };
  for (size_t row = 0; row < deals.size(); ++row) {
    const int32_t account = deals.account[row];
    table.rows.push_back({std::string(deals.id[row]), data.sales_agents[deals.sales_agent[row]].name,
                          data.products[deals.product[row]].name,
                          account == crm::kNoIndex ? Cell() : Cell(data.accounts[account].name),
                          std::string(crm::DealStageName(deals.deal_stage[row])), day(deals.engage_date[row]),
                          day(deals.close_date[row]), crm::analytics::Number(deals.close_value[row])});
  }
  return table;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times the exports: rows/s per table format, ms per PDF account report (JSON lines)");
  std::string dir, account = "Kan-code";
  int runs = 5;
  app.add_option("DIR", dir, "folder of the CSV files")->required();
  app.add_option("--runs", runs, "runs per measurement")->check(CLI::Range(1, 1000));
  app.add_option("--account", account, "the account of the PDF report");
  CLI11_PARSE(app, argc, argv);
  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(dir);
  if (!imported) return 1;
  const crm::exports::Document document{"sales pipeline", "", {PipelineTable(*imported)}};
  const size_t rows = document.tables.front().rows.size();
  for (const auto format : {crm::exports::Format::kCsv, crm::exports::Format::kXlsx,
                            crm::exports::Format::kJson, crm::exports::Format::kMarkdown}) {
    double best = INFINITY;
    size_t bytes = 0;
    for (int run = 0; run < runs; ++run) {
      const auto start = std::chrono::steady_clock::now();
      auto exported = crm::exports::ExportBytes(document, format);
      best = std::min(best, Milliseconds(start));
      if (!exported.ok()) {
        std::cerr << "error: " << exported.error().message << '\n';
        return 1;
      }
      bytes = exported->size();
    }
    std::cout << nlohmann::json{{"format", crm::exports::FormatName(format)},
                                {"rows", rows},
                                {"bytes", bytes},
                                {"best_ms", Round3(best)},
                                {"rows_per_s", std::round(static_cast<double>(rows) / (best / 1000))}}
                     .dump()
              << std::endl;
  }
  auto context = crm::agents::AgentContext::Build(*imported, nullptr);
  if (!context.ok()) {
    std::cerr << "error: " << context.error().message << '\n';
    return 1;
  }
  const auto row = crm::agents::FindAccountByName(*imported, account);
  if (!row.ok()) {
    std::cerr << "error: " << row.error().message << '\n';
    return 1;
  }
  std::vector<double> times;
  size_t bytes = 0;
  for (int run = 0; run < runs; ++run) {
    const auto start = std::chrono::steady_clock::now();
    auto pdf = crm::exports::PdfBytes(crm::exports::AccountReport(**context, *row));
    times.push_back(Milliseconds(start));
    bytes = pdf.ok() ? pdf->size() : 0;
  }
  std::sort(times.begin(), times.end());
  std::cout << nlohmann::json{{"format", "pdf"},
                              {"account", account},
                              {"bytes", bytes},
                              {"p50_ms", Round3(times[times.size() / 2])},
                              {"max_ms", Round3(times.back())}}
                   .dump()
            << std::endl;
  return 0;
}
