// `crm-assistant stats`: what is in the data and what the import that produced it fixed.
#include "cli_context.h"

#include <iostream>

#include "crm/report/data_summary.h"

namespace crm::cli {

Command AddStatsCommand(CLI::App& app, const GlobalOptions& options) {
  CLI::App* command = app.add_subcommand("stats", "Show the data report: counts, cleaning, warnings, pipeline by stage");
  return {command, [&options]() -> int {
            auto loaded = LoadData(options);
            if (!loaded.ok()) return Fail(loaded.error());
            if (options.json) {
              PrintJson(report::DataSummaryJson(loaded->data, loaded->report));
            } else {
              std::cout << report::DataSummaryText(loaded->data, loaded->report);
            }
            return 0;
          }};
}

}  // namespace crm::cli
