// Role names round-trip; anything else is no role.
#include "crm/auth/role.h"

#include <gtest/gtest.h>

namespace crm::auth {
namespace {

TEST(RoleTest, NamesRoundTripAndUnknownNamesAreRefused) {
  for (const Role role : {Role::kAdmin, Role::kManager, Role::kRep})
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_EQ(RoleName(Role::kManager), "manager");
  EXPECT_FALSE(ParseRole("Admin").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
  EXPECT_TRUE(LocalAdmin().local_admin);
  EXPECT_EQ(LocalAdmin().role, Role::kAdmin);
}

}  // namespace
}  // namespace crm::auth
