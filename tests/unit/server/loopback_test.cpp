#include <gtest/gtest.h>

#include "crm/server/server.h"

namespace crm::server {
namespace {

TEST(ServerLoopbackTest, AcceptsOnlyAddressesOfThisMachine) {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) {
    EXPECT_TRUE(IsLoopbackHost(host)) << host;
  }
  for (const char* host :
       {"0.0.0.0", "192.168.1.10", "::", "10.0.0.1", "example.com", "", "128.0.0.1", "127.0.0.1.evil"}) {
    EXPECT_FALSE(IsLoopbackHost(host)) << host;
  }
}

}  // namespace
}  // namespace crm::server
