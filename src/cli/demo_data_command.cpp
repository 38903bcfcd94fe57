// `crm-assistant demo-data --out DIR [--seed N] [--opportunities N]`: write demo data in the Kaggle layout.
#include "cli_context.h"

#include <iostream>
#include <memory>

#include "crm/demo/demo_data.h"

namespace crm::cli {

Command AddDemoDataCommand(CLI::App& app, const GlobalOptions& options) {
  CLI::App* command = app.add_subcommand(
      "demo-data", "Write demo CRM data (Kaggle layout plus activities.csv, with planted signal: docs/DEMO_DATA.md)");
  auto demo = std::make_shared<demo::DemoOptions>();
  command->add_option("--out", demo->out_dir, "folder to write the CSV files into")->required();
  command->add_option("--seed", demo->seed, "random seed; the same seed and size give identical files")
      ->capture_default_str();
  command->add_option("--opportunities", demo->opportunities, "number of deals")
      ->capture_default_str()
      ->check(CLI::Range(uint64_t{1}, uint64_t{100'000'000}));
  return {command, [&options, demo]() -> int {
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
