#pragma once
// A test suite's server over the Kaggle data (see SuiteServerTest); the tests skip with a message when
// ../shared is absent.

#include "integration/suite_server_test.h"
#include "support/test_support.h"

namespace crm::test {

//! Base of the suites that ask one server over the Kaggle data.
class KaggleServerTest : public SuiteServerTest {
 protected:
  //! Starts the suite's server (nothing without the shared data).
  static void SetUpTestSuite() {
    if (SharedDataDir().empty()) return;
    dir_ = new TempDir();
    StartServer("--db " + dir_->File("crm.db") + " --data " + SharedDataDir());
  }
  //! Skips without the shared data; a client of the server otherwise.
  void SetUp() override {
    CRM_REQUIRE_SHARED_DATA();
    SuiteServerTest::SetUp();
  }
};

}  // namespace crm::test
