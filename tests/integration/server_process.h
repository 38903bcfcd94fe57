#pragma once
// The tests' server: `crm-assistant ARGS serve --port 0` run in the background, its port read from the
// "Serving on" line, stopped when the object goes away; and raw HTTP for requests a client will not send.

#include <sys/types.h>

#include <string>

namespace crm::test {

//! A running `crm-assistant … serve` process.
class ServerProcess {
 public:
  //! Starts `crm-assistant GLOBAL_ARGS serve --port 0 SERVE_ARGS` and waits (up to a minute) for
  //! "Serving on".
  explicit ServerProcess(const std::string& global_args, const std::string& serve_args = "");
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  //! The port it listens on; 0 when it did not start.
  int port() const { return port_; }
  //! The "Serving on …" line, or what the process printed before failing.
  const std::string& banner() const { return banner_; }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string banner_;
};

//! Sends `request` as is to 127.0.0.1:`port` and returns everything the server answers until it closes
//! the connection (or 10 seconds pass).
std::string RawHttp(int port, const std::string& request);

//! `text` with every byte but letters and digits percent-encoded, for a path segment.
std::string EncodePathSegment(const std::string& text);

}  // namespace crm::test
