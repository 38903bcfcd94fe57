#include <gtest/gtest.h>

#include <memory>

#include "../../../src/server/stream_limit.h"

namespace crm::server {
namespace {

TEST(StreamLimitTest, RefusesBeyondTheLimitUntilAStreamEnds) {
  StreamLimit limit(2);
  std::shared_ptr<void> first = limit.Open();
  const std::shared_ptr<void> second = limit.Open();
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_FALSE(limit.Open());
  first.reset();
  EXPECT_TRUE(limit.Open());
}

}  // namespace
}  // namespace crm::server
