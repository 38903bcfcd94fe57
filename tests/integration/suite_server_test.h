#pragma once
// A test suite's server: started once for the suite (over files in the suite's temporary folder), a
// client per test.

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <string>

#include "integration/server_process.h"
#include "support/test_support.h"

namespace crm::test {

//! Base of the suites that ask one server. A suite's SetUpTestSuite makes `dir_`, writes what the server
//! needs into it and calls StartServer; a test fails at once when that did not happen.
class SuiteServerTest : public ::testing::Test {
 protected:
  //! Starts the suite's server with these global options.
  static void StartServer(const std::string& global_args) { server_ = new ServerProcess(global_args); }
  //! Stops the server and removes the folder.
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
    server_ = nullptr;
    dir_ = nullptr;
  }
  //! A client of the server (60 s read timeout).
  void SetUp() override {
    ASSERT_NE(server_, nullptr) << "the suite's server was not started: its data could not be made";
    ASSERT_GT(server_->port(), 0) << server_->banner();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
  }

  static inline TempDir* dir_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace crm::test
