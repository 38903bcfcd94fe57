// `crm-assistant serve [--host 127.0.0.1] [--port 8080] [--web-root DIR]`: loads everything once, then
// serves the JSON API and the web UI, refitting in the background models that do not fit the data.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_context.h"
#include "crm/auth/user_directory.h"
#include "crm/server/server.h"
#include "crm/store/store.h"
#include "serve_refit.h"

namespace crm::cli {

namespace {

//! Loads the data, models, agents, writer and search index the server answers from. `refit` tells whether
//! the store's models do not fit the data (trained on other data, or never): they are then marked as being
//! refitted, to be trained in the background. Data given with --data is not in the store: never refitted.
Result<server::ServerState> LoadServerState(const GlobalOptions& options, bool& refit) {
  auto loaded = LoadData(options);
  if (!loaded.ok()) return loaded.error();
  server::ServerState state;
  state.data = std::make_unique<Dataset>(std::move(loaded->data));
  auto models = LoadModels(options, *state.data);
  if (!models.ok()) return models.error();
  refit = options.data.empty() && models->NeedsTraining();
  if (refit) models->MarkRefitting();
  auto agents = agents::AgentContext::Build(
      *state.data, std::make_shared<const models::ModelSet>(std::move(models).value()));
  if (!agents.ok()) return agents.error();
  state.agents = std::move(agents).value();
  auto writer = ConfiguredWriter();
  if (!writer.ok()) return writer.error();
  state.writer = std::move(writer).value();
  auto index = OpenSearchIndex(options, *state.data);
  if (!index.ok()) return index.error();
  state.search = std::move(index).value();
  state.index_part = PartIndexBuilder(options);
  state.store_path = StorePath(options);
  return state;
}

//! Nothing when `host` is loopback or users exist in the store (which is not created to find out); else
//! why the server must not listen there: nobody could sign in, and nobody should be the local admin.
Status CheckHost(const GlobalOptions& options, const std::string& host) {
  if (server::IsLoopbackHost(host)) return Status::Ok();
  const std::string path = StorePath(options);
  bool users = false;
  if (std::filesystem::exists(path)) {
    auto store = store::Store::Open(path);
    if (!store.ok()) return store.error();
    auto any = auth::UserDirectory((*store)->connection()).Any();
    if (!any.ok()) return any.error();
    users = *any;
  }
  if (users) return Status::Ok();
  return Error{
      "refusing to listen on '" + host +
      "': no users exist yet, so the server only listens on loopback (127.0.0.1, ::1, localhost); add "
      "one first with `crm-assistant user add NAME --role admin`"};
}

}  // namespace

Command ServeCommand(const GlobalOptions& options) {
  auto settings = std::make_shared<server::ServerOptions>();
  auto port = std::make_shared<uint64_t>(8080);
  Command command{"serve",
                  "Serve the web UI and the JSON API under /api/v1 (loopback only until users exist)",
                  {},
                  nullptr};
  auto rate = std::make_shared<uint64_t>(30);
  auto burst = std::make_shared<uint64_t>(120);
  command.options.push_back(
      {"--host", "address to listen on (other than loopback only once users exist)", &settings->host});
  command.options.push_back({"--port", "port to listen on (0: any free port)", port.get(), false,
                             std::pair<uint64_t, uint64_t>{0, 65535}});
  command.options.push_back(
      {"--web-root", "serve the web UI from this folder instead of the built-in files", &settings->web_root});
  command.options.push_back({"--rate-limit", "requests a second per signed-in user (0: no limit)", rate.get(),
                             false, std::pair<uint64_t, uint64_t>{0, 1000000}});
  command.options.push_back({"--rate-burst", "requests a signed-in user may make at once", burst.get(), false,
                             std::pair<uint64_t, uint64_t>{1, 1000000}});
  auto max_streams = std::make_shared<uint64_t>(settings->max_streams);
  command.options.push_back({"--max-streams", "chat answers streaming at once; more are refused with 503",
                             max_streams.get(), false, std::pair<uint64_t, uint64_t>{1, 100000}});
  command.run = [&options, settings, port, rate, burst, max_streams]() -> int {
    if (Status allowed = CheckHost(options, settings->host); !allowed.ok()) return Fail(allowed.error());
    if (!settings->web_root.empty() && !std::filesystem::is_directory(settings->web_root)) {
      return Fail(Error{"--web-root '" + settings->web_root + "' is not a folder"});
    }
    settings->port = static_cast<int>(*port);
    settings->rate_per_second = static_cast<double>(*rate);
    settings->rate_burst = static_cast<double>(*burst);
    settings->max_streams = *max_streams;
    const auto start = std::chrono::steady_clock::now();
    bool refit = false;
    auto state = LoadServerState(options, refit);
    if (!state.ok()) return Fail(state.error());
    const Dataset& data = *state->data;  // owned by the server from here on, at the same address
    server::Server server(std::move(state).value(), *settings);
    auto bound = server.Bind();
    if (!bound.ok()) return Fail(bound.error());
    const auto ready_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count();
    std::cout << "Serving on http://" << settings->host << ":" << *bound << " (ready in " << ready_ms
              << " ms)" << std::endl;
    std::unique_ptr<BackgroundRefit> refitting;
    if (refit) {
      std::cout << "Models do not fit the loaded data (trained on other data, or never): refitting them in "
                   "the background; historical win rates answer meanwhile"
                << std::endl;
      refitting = std::make_unique<BackgroundRefit>(
          data, StorePath(options), [&server](std::shared_ptr<const models::ModelSet> models) {
            return server.UseModels(std::move(models));
          });
    }
    return server.Run() ? 0 : Fail(Error{"the server stopped unexpectedly"});
  };
  return command;
}

}  // namespace crm::cli
