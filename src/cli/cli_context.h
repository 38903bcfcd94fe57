#pragma once
// What every command of the CLI shares: the global options, where the data comes from, output helpers.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/access/workspaces.h"
#include "crm/common/result.h"
#include "crm/data/dataset.h"
#include "crm/ingest/import_report.h"
#include "crm/llm/writing_task.h"
#include "crm/models/model_set.h"
#include "crm/search/search_index.h"

namespace crm::cli {

//! Options that apply to every command.
struct GlobalOptions {
  std::string db;     //!< --db (or $CRM_DB); empty: the default path
  std::string data;   //!< --data DIR: import these CSV files for this run instead of using the store
  bool json = false;  //!< --json: machine-readable output
};

//! One option or positional argument of a command, bound to the variable it fills.
struct Option {
  std::string names;  //!< "--strict", "--out", or "DIR" for a positional argument
  std::string help;
  std::variant<std::string*, bool*, uint64_t*> target;  //!< a bool is a flag
  bool required = false;
  std::optional<std::pair<uint64_t, uint64_t>> range = std::nullopt;  //!< allowed numbers, inclusive
};

//! A subcommand: its name, help, options, and what running it does (returns the exit status).
//! Commands describe themselves; only app.cpp knows the argument parser.
struct Command {
  std::string name;
  std::string help;
  std::vector<Option> options;
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

//! The models stored for `data` in the store in effect (none when --data names a folder and that store
//! does not exist: reading models never creates a store).
Result<models::ModelSet> LoadModels(const GlobalOptions& options, const Dataset& data);

//! The search index of `data`: built in memory with --data, else loaded from the store in effect (built
//! and saved there when missing or stale).
Result<std::unique_ptr<search::SearchIndex>> OpenSearchIndex(const GlobalOptions& options,
                                                             const Dataset& data);
//! Builds the search index of a part of the data in memory, with the configured embedder (`options`
//! must outlive it).
access::IndexBuilder PartIndexBuilder(const GlobalOptions& options);

//! The sentence encoder in the folder `model_dir`, else in $CRM_EMBEDDING_MODEL; null when neither is set
//! (the search's default embedder). Its products are in `precision` ("f32", "bf16", "int8"), else in
//! $CRM_EMBEDDING_PRECISION, else in f32.
Result<std::unique_ptr<search::Embedder>> ConfiguredEmbedder(const std::string& model_dir,
                                                             const std::string& precision = "");

//! The writer of prose the configuration chooses (CRM_LLM and the rest, from the environment and ./.env):
//! the offline writer by default, an LLM writer checked against the facts when one is configured.
Result<std::unique_ptr<llm::TextWriter>> ConfiguredWriter();

//! Prints "error: <message>" on stderr and returns exit status 1.
int Fail(const Error& error);

//! Prints a JSON document on stdout (invalid UTF-8 replaced, never thrown on).
void PrintJson(const nlohmann::json& document);

//! `import DIR [--strict]`.
Command ImportCommand(const GlobalOptions& options);
//! `stats`.
Command StatsCommand(const GlobalOptions& options);
//! `demo-data --out DIR [--seed N] [--opportunities N]`.
Command DemoDataCommand(const GlobalOptions& options);
//! `insight TYPE [filters]`.
Command InsightCommand(const GlobalOptions& options);
//! `train`.
Command TrainCommand(const GlobalOptions& options);
//! `evaluate [--quick]`.
Command EvaluateCommand(const GlobalOptions& options);
//! `score OPPORTUNITY_ID [--as-of DATE]`.
Command ScoreCommand(const GlobalOptions& options);
//! `search "TEXT" [--k N] [--kind K] [filters] [--similar-to ACCOUNT]`.
Command SearchCommand(const GlobalOptions& options);
//! `ask QUESTION [--session ID]`.
Command AskCommand(const GlobalOptions& options);
//! `eval-router FILE`.
Command EvalRouterCommand(const GlobalOptions& options);
//! `summary ACCOUNT`.
Command SummaryCommand(const GlobalOptions& options);
//! `email (ACCOUNT | --opportunity ID | --bulk [filters] --out DIR) --type T --tone T`.
Command EmailCommand(const GlobalOptions& options);
//! `writer`: the configured writer, key masked.
Command WriterCommand(const GlobalOptions& options);
//! `serve [--host H] [--port P]`: the HTTP server.
Command ServeCommand(const GlobalOptions& options);
//! `embed "TEXT" [--embedding-model DIR] [--embedding-precision P]`: the vector of a text.
Command EmbedCommand(const GlobalOptions& options);
//! `user add|list|remove|token|revoke-token [NAME] [--role R] …`: users and their API tokens.
Command UserCommand(const GlobalOptions& options);

}  // namespace crm::cli
