// `crm-assistant stats`: what is in the data and what the import that produced it fixed.
#include "cli_context.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "crm/report/data_summary.h"

namespace crm::cli {

Command StatsCommand(const GlobalOptions& options) {
  return {"stats",
          "Show the data report: counts, cleaning, warnings, pipeline by stage",
          {},
          [&options]() -> int {
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
