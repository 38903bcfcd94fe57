#include "crm/cli/app.h"

#include <cstdlib>

#include "cli_context.h"

namespace crm::cli {

int RunCli(int argc, char** argv) {
  CLI::App app{"crm-assistant: CRM intelligence, offline and in milliseconds"};
  app.name("crm-assistant");
  app.require_subcommand(1);
  GlobalOptions options;
  if (const char* db = std::getenv("CRM_DB")) options.db = db;
  app.add_option("--db", options.db, "SQLite store (default: $CRM_DB, else ~/.local/share/crm-assistant/crm.db)");
  app.add_option("--data", options.data, "use the CSV files in this folder for this run instead of the store");
  app.add_flag("--json", options.json, "machine-readable output on stdout");
  const std::vector<Command> commands = {AddImportCommand(app, options), AddStatsCommand(app, options),
                                         AddDemoDataCommand(app, options)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return 2;
}

}  // namespace crm::cli
