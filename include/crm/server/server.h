#pragma once
// The HTTP server: the JSON API of /api/v1 over one ServerState and the web UI, hardened for the open
// network.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "crm/common/result.h"
#include "crm/server/server_state.h"

namespace crm::server {

//! Where to listen and how much to accept.
struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                    //!< 0: any free port
  size_t workers = 256;               //!< connection threads (each open connection holds one)
  size_t max_streams = 192;           //!< chat streams open at once (each holds a worker); more get 503
  size_t compute_slots = 0;           //!< chat answers computed at once (0: one per core); LLM waits excepted
  int compute_wait_ms = 1000;         //!< how long a chat question waits for a compute slot before 503
  size_t queued_connections = 256;    //!< accepted connections waiting for a worker before accept blocks
  size_t max_body_bytes = 64 * 1024;  //!< larger request bodies are refused with 413
  int timeout_seconds = 10;           //!< read and write timeout of a connection
  std::string web_root;               //!< serve the web UI from this folder; empty: the embedded files
  //! The body limit of POST /api/v1/export, which carries a client's tables.
  size_t max_export_body_bytes = 8 * 1024 * 1024;
  double rate_per_second = 30;  //!< requests a second per signed-in user (0: no limit)
  double rate_burst = 120;      //!< requests a signed-in user may make at once
};

//! True for a loopback address: "localhost", 127.0.0.0/8 or "::1".
bool IsLoopbackHost(std::string_view host);

//! The API server; Bind, then Run until Stop.
class Server {
 public:
  //! A server over `state`: builds the assistant and warms the engine so that the first request is fast.
  Server(ServerState state, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  //! Opens the users of the store and binds the listening socket; the port bound (the free one chosen
  //! when the options say 0).
  Result<int> Bind();
  //! Serves until Stop() is called; false when the socket was not bound.
  bool Run();
  //! Makes Run() return; safe from any thread.
  void Stop();
  //! Answers with `models` from now on (refitted while serving), every page and answer at once; safe from
  //! any thread while serving. An Error (the models in use stay) when the services cannot be rebuilt.
  Status UseModels(std::shared_ptr<const models::ModelSet> models);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crm::server
