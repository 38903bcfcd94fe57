#include <gtest/gtest.h>

#include "support/test_support.h"

namespace crm {
namespace {

TEST(CliTest, UnknownCommandIsAUsageError) {
  auto run = test::RunCli("no-such-command");
  EXPECT_EQ(run.exit_code, 2);
}

}  // namespace
}  // namespace crm
