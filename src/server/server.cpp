#include "crm/server/server.h"

#include <httplib.h>

#include <thread>

#include "api.h"
#include "auth_gate.h"
#include "hardening.h"
#include "http_json.h"
#include "lending_writer.h"
#include "listen_backlog.h"
#include "static_routes.h"

namespace crm::server {

//! The httplib server, its routes and what they share.
class Server::Impl {
 public:
  Impl(ServerState state, ServerOptions options)
      : state_(std::move(state)),
        options_(std::move(options)),
        compute_(options_.compute_slots != 0 ? options_.compute_slots : std::thread::hardware_concurrency(),
                 std::chrono::milliseconds(options_.compute_wait_ms)),
        writer_(*state_.writer, compute_),
        streams_(options_.max_streams),
        api_{&state_,
             access::Workspaces(*state_.agents, state_.search.get(), writer_, state_.index_part),
             ChatThreadLog(state_.store_path),
             {},
             nullptr,
             std::make_unique<auth::RateLimiter>(options_.rate_per_second, options_.rate_burst),
             &compute_,
             &streams_},
        routes_(http_) {
    state_.agents->engine().Warm();
    Harden(http_, options_, [this](const httplib::Request& request, httplib::Response& response) {
      return GuardRequest(api_, request, response);
    });
    NoteListeningSocket(http_, &listening_socket_);
    AddHealthRoutes(routes_, api_);
    AddInsightRoutes(routes_, api_);
    AddAskRoutes(routes_, api_);
    AddRecordRoutes(routes_, api_);
    AddSearchAndEmailRoutes(routes_, api_);
    AddFilterRoutes(routes_, api_);
    AddExportRoutes(routes_, api_);
    AddModelRoutes(routes_, api_);
    AddDataRoutes(routes_, api_);
    AddAccountRoutes(routes_, api_);
    AddAuthRoutes(routes_, api_);
    routes_.Add({"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "this document", {}},
                [this](const httplib::Request&, httplib::Response& response) {
                  SendJsonText(response, 200, openapi_);
                });
    AddStaticRoutes(http_, options_.web_root);
    routes_.AddFallbacks();
    openapi_ = DumpJson(routes_.OpenApi());
  }

  Result<int> Bind() {
    if (Status opened = OpenUsers(); !opened.ok()) return opened.error();
    const int port = options_.port == 0
                         ? http_.bind_to_any_port(options_.host)
                         : (http_.bind_to_port(options_.host, options_.port) ? options_.port : -1);
    if (port < 0) {
      return Error{"cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                   " (address in use or not available)"};
    }
    RaiseListenBacklog(listening_socket_);
    return port;
  }

  bool Run() { return http_.listen_after_bind(); }
  void Stop() { http_.stop(); }
  Status UseModels(std::shared_ptr<const models::ModelSet> models) {
    return api_.workspaces.UseModels(std::move(models));
  }

 private:
  //! Opens the users, sessions and audit log; off loopback there is no local admin, even without users.
  Status OpenUsers() {
    auth::AuthOptions auth_options;
    auth_options.allow_local_admin = IsLoopbackHost(options_.host);
    auto auth = auth::Authenticator::Open(state_.store_path, auth_options);
    if (!auth.ok()) return auth.error();
    api_.auth = std::move(auth).value();
    return Status::Ok();
  }

  ServerState state_;
  ServerOptions options_;
  WorkSlots compute_;
  LendingWriter writer_;  //!< the configured writer, lending the compute slot while an LLM writes
  StreamLimit streams_;
  Api api_;
  httplib::Server http_;
  RouteTable routes_;
  std::string openapi_;
  int listening_socket_ = -1;
};

Server::Server(ServerState state, ServerOptions options)
    : impl_(std::make_unique<Impl>(std::move(state), std::move(options))) {}

Server::~Server() = default;

Result<int> Server::Bind() { return impl_->Bind(); }

bool Server::Run() { return impl_->Run(); }

void Server::Stop() { impl_->Stop(); }

Status Server::UseModels(std::shared_ptr<const models::ModelSet> models) {
  return impl_->UseModels(std::move(models));
}

}  // namespace crm::server
