#pragma once
// What every command of the CLI shares: the global options, where the data comes from, output helpers.

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/ingest/import_report.h"

namespace crm::cli {

//! Options that apply to every command.
struct GlobalOptions {
  std::string db;    //!< --db (or $CRM_DB); empty: the default path
  std::string data;  //!< --data DIR: import these CSV files for this run instead of using the store
  bool json = false; //!< --json: machine-readable output
};

//! A subcommand and what running it does; `run` returns the exit status.
struct Command {
  CLI::App* app;
  std::function<int()> run;
};

//! The data a query works on and the report of the import that produced it.
struct LoadedData {
  Dataset data;
  ingest::ImportReport report;
};

//! The store path in effect: --db, else $CRM_DB, else the default location.
std::string StorePath(const GlobalOptions& options);

//! Imports --data into memory for this run, or loads the store (an empty store is an error that says
//! how to import).
Result<LoadedData> LoadData(const GlobalOptions& options);

//! Prints "error: <message>" on stderr and returns exit status 1.
int Fail(const Error& error);

//! Prints a JSON document on stdout (invalid UTF-8 replaced, never thrown on).
void PrintJson(const nlohmann::json& document);

//! Registers `import DIR`.
Command AddImportCommand(CLI::App& app, const GlobalOptions& options);
//! Registers `stats`.
Command AddStatsCommand(CLI::App& app, const GlobalOptions& options);
//! Registers `demo-data`.
Command AddDemoDataCommand(CLI::App& app, const GlobalOptions& options);

}  // namespace crm::cli
