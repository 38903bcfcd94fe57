#include "crm/cli/app.h"

#include <CLI/CLI.hpp>

#include <cstdlib>

#include "cli_context.h"

namespace crm::cli {

namespace {

//! Adds one described option to a CLI11 command.
void AddOption(CLI::App& app, const Option& option) {
  CLI::Option* added = std::visit(
      [&](auto* target) -> CLI::Option* {
        if constexpr (std::is_same_v<decltype(target), bool*>) {
          return app.add_flag(option.names, *target, option.help);
        } else {
          return app.add_option(option.names, *target, option.help);
        }
      },
      option.target);
  if (option.required) added->required();
  if (option.range) added->check(CLI::Range(option.range->first, option.range->second));
  if (!std::holds_alternative<bool*>(option.target)) added->capture_default_str();
}

}  // namespace

int RunCli(int argc, char** argv) {
  CLI::App app{"crm-assistant: CRM intelligence, offline and in milliseconds"};
  app.name("crm-assistant");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand: `insight pipeline_overview --json`
  GlobalOptions options;
  if (const char* db = std::getenv("CRM_DB")) options.db = db;
  app.add_option("--db", options.db,
                 "SQLite store (default: $CRM_DB, else ~/.local/share/crm-assistant/crm.db)");
  app.add_option("--data", options.data,
                 "use the CSV files in this folder for this run instead of the store");
  app.add_flag("--json", options.json, "machine-readable output on stdout");
  // One command a line: areas add theirs without touching the others'.
  // clang-format off
  const std::vector<Command> commands = {
      ImportCommand(options),
      StatsCommand(options),
      DemoDataCommand(options),
      InsightCommand(options),
      TrainCommand(options),
      EvaluateCommand(options),
      ScoreCommand(options),
      SearchCommand(options),
      AskCommand(options),
      EvalRouterCommand(options),
      SummaryCommand(options),
      EmailCommand(options),
      WriterCommand(options),
      ServeCommand(options),
      EmbedCommand(options),
      UserCommand(options),
  };
  // clang-format on
  std::vector<CLI::App*> parsers;
  for (const Command& command : commands) {
    CLI::App* parser = app.add_subcommand(command.name, command.help);
    for (const Option& option : command.options) AddOption(*parser, option);
    parsers.push_back(parser);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? 0 : 2;
  }
  for (size_t i = 0; i < commands.size(); ++i) {
    if (parsers[i]->parsed()) return commands[i].run();
  }
  return 2;
}

}  // namespace crm::cli
