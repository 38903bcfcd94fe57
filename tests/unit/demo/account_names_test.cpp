#include "crm/demo/account_names.h"

#include <gtest/gtest.h>

#include <unordered_set>

namespace crm::demo {
namespace {

TEST(AccountNamesTest, NamesFollowTheSyllableScheme) {
  EXPECT_EQ(AccountName(0), "Aladex");
  EXPECT_EQ(AccountName(1), "Baradex");
  EXPECT_EQ(AccountName(40), "Aledex");
  EXPECT_EQ(AccountName(400), "Alalux");
  EXPECT_EQ(AccountName(kSingleWordNames), "Aladex Group");
  EXPECT_EQ(AccountName(kAccountNameCapacity - 1), "Solilwind Networks");
  EXPECT_EQ(AccountName(kAccountNameCapacity), "Aladex 2");
  EXPECT_EQ(AccountName(2 * kAccountNameCapacity + 1), "Baradex 3");
}

TEST(AccountNamesTest, EveryNameIsUniqueAndClean) {
  std::unordered_set<std::string> seen;
  constexpr uint64_t kCount = kAccountNameCapacity + 1000;
  for (uint64_t index = 0; index < kCount; ++index) {
    const std::string name = AccountName(index);
    ASSERT_EQ(name.find_first_of(",\"\r\n"), std::string::npos) << name;
    ASSERT_TRUE(seen.insert(name).second) << "duplicate name " << name << " at " << index;
  }
}

}  // namespace
}  // namespace crm::demo
