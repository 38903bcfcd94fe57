#include "crm/auth/role.h"

namespace crm::auth {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kManager:
      return "manager";
    case Role::kRep:
      return "rep";
  }
  return "rep";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const Role role : {Role::kAdmin, Role::kManager, Role::kRep}) {
    if (RoleName(role) == name) return role;
  }
  return std::nullopt;
}

Caller LocalAdmin() { return {std::string(kLocalAdminName), Role::kAdmin, "", "", true}; }

}  // namespace crm::auth
