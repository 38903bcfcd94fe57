#pragma once
// The suites that test sign-in and row-level access share one set-up: demo data, users with API tokens,
// and a server over them.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "integration/server_process.h"
#include "support/test_support.h"

namespace crm::test {

//! A user of the demo server: the name and the role options of `user add` ("--role admin"). The
//! password is "password-NAME".
struct DemoUser {
  std::string name;
  std::string role_options;
};

//! Demo data (1,500 deals, seed 5), users with one API token each, and a server over them.
class DemoUsersServer {
 public:
  //! Makes everything; `ready()` says whether it worked.
  explicit DemoUsersServer(const std::vector<DemoUser>& users, const std::string& serve_args = "");

  //! Whether the data, the users and their tokens were made (the server may still have failed: see
  //! `server().port()`).
  bool ready() const { return server_ != nullptr; }
  //! The folder of the demo CSV files.
  std::string demo_dir() const { return dir_.File("demo"); }
  //! The global options of the CLI over this store and data: "--db … --data …".
  std::string global_args() const;
  //! The API token of `user`.
  const std::string& token(const std::string& user) const { return tokens_.at(user); }
  //! The running server.
  const ServerProcess& server() const { return *server_; }

 private:
  TempDir dir_;
  std::map<std::string, std::string> tokens_;
  std::unique_ptr<ServerProcess> server_;
};

}  // namespace crm::test
