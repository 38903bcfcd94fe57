// `crm-assistant serve [--host 127.0.0.1] [--port 8080]`: loads everything once, then serves the JSON API.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli_context.h"
#include "crm/server/server.h"

namespace crm::cli {

namespace {

//! Loads the data, models, agents, writer and search index the server answers from.
Result<server::ServerState> LoadServerState(const GlobalOptions& options) {
  auto loaded = LoadData(options);
  if (!loaded.ok()) return loaded.error();
  server::ServerState state;
  state.data = std::make_unique<Dataset>(std::move(loaded->data));
  auto models = LoadModels(options, *state.data);
  if (!models.ok()) return models.error();
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

}  // namespace

Command ServeCommand(const GlobalOptions& options) {
  auto settings = std::make_shared<server::ServerOptions>();
  auto port = std::make_shared<uint64_t>(8080);
  Command command{"serve", "Serve the JSON API under /api/v1 (loopback only until users exist)", {}, nullptr};
  command.options.push_back({"--host", "address to listen on (loopback only for now)", &settings->host});
  command.options.push_back({"--port", "port to listen on (0: any free port)", port.get(), false,
                             std::pair<uint64_t, uint64_t>{0, 65535}});
  auto max_streams = std::make_shared<uint64_t>(settings->max_streams);
  command.options.push_back({"--max-streams", "chat answers streaming at once; more are refused with 503",
                             max_streams.get(), false, std::pair<uint64_t, uint64_t>{1, 100000}});
  command.run = [&options, settings, port, max_streams]() -> int {
    if (!server::IsLoopbackHost(settings->host)) {
      return Fail(
          Error{"refusing to listen on '" + settings->host +
                "': no users exist yet, so the server only listens on loopback (127.0.0.1, ::1, localhost)"});
    }
    settings->port = static_cast<int>(*port);
    settings->max_streams = *max_streams;
    const auto start = std::chrono::steady_clock::now();
    auto state = LoadServerState(options);
    if (!state.ok()) return Fail(state.error());
    server::Server server(std::move(state).value(), *settings);
    auto bound = server.Bind();
    if (!bound.ok()) return Fail(bound.error());
    const auto ready_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
            .count();
    std::cout << "Serving on http://" << settings->host << ":" << *bound << " (ready in " << ready_ms
              << " ms)" << std::endl;
    return server.Run() ? 0 : Fail(Error{"the server stopped unexpectedly"});
  };
  return command;
}

}  // namespace crm::cli
