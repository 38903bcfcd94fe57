// `crm-assistant demo-data --out DIR [--seed N] [--opportunities N]`: write demo data in the Kaggle layout.
#include "cli_context.h"

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "crm/demo/demo_data.h"

namespace crm::cli {

Command DemoDataCommand(const GlobalOptions& options) {
  auto demo = std::make_shared<demo::DemoOptions>();
  return {
      "demo-data",
      "Write demo CRM data (Kaggle layout plus activities.csv, with planted signal: docs/DEMO_DATA.md)",
      {{"--out", "folder to write the CSV files into", &demo->out_dir, true},
       {"--seed", "random seed; the same seed and size give identical files", &demo->seed},
       {"--opportunities", "number of deals", &demo->opportunities, false,
        std::pair<uint64_t, uint64_t>{1, 100'000'000}}},
      [&options, demo]() -> int {
        if (Status status = demo::GenerateDemoData(*demo); !status) return Fail(status.error());
        if (options.json) {
          PrintJson({{"out", demo->out_dir}, {"seed", demo->seed}, {"opportunities", demo->opportunities}});
        } else {
          std::cout << "Wrote " << demo->opportunities << " demo opportunities to " << demo->out_dir << "\n";
        }
        return 0;
      }};
}

}  // namespace crm::cli
