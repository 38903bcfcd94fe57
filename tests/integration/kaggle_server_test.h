#pragma once
// A test suite's server over the Kaggle data: started once for the suite, a client per test; the tests
// skip with a message when ../shared is absent.

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>

#include "integration/server_process.h"
#include "support/test_support.h"

namespace crm::test {

//! Base of the suites that ask one server over the Kaggle data.
class KaggleServerTest : public ::testing::Test {
 protected:
  //! Starts the suite's server (nothing without the shared data).
  static void SetUpTestSuite() {
    if (SharedDataDir().empty()) return;
    dir_ = new TempDir();
    server_ = new ServerProcess("--db " + dir_->File("crm.db") + " --data " + SharedDataDir());
  }
  //! Stops it.
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
    server_ = nullptr;
    dir_ = nullptr;
  }
  //! Skips without the shared data; a client of the server otherwise.
  void SetUp() override {
    CRM_REQUIRE_SHARED_DATA();
    ASSERT_GT(server_->port(), 0) << server_->banner();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
  }

  static inline TempDir* dir_ = nullptr;
  static inline ServerProcess* server_ = nullptr;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace crm::test
