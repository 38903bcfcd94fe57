#include "crm/cli/app.h"

#include <CLI/CLI.hpp>

#include <cstdio>

namespace crm::cli {

int RunCli(int argc, char** argv) {
  CLI::App app{"crm-assistant: CRM intelligence, offline and in milliseconds"};
  app.require_subcommand(1);
  app.add_subcommand("stats", "Show the data report of the store");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  std::puts("{}");
  return 0;
}

}  // namespace crm::cli
