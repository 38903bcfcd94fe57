#pragma once
// Who is asking: the roles of users and the caller of a request, which row-level scoping reads.

#include <optional>
#include <string>
#include <string_view>

namespace crm::auth {

//! What a user may see: everything, their team's rows, or their own rows.
enum class Role { kAdmin, kManager, kRep };

//! "admin", "manager" or "rep".
std::string_view RoleName(Role role);

//! The role named `name` ("admin", "manager", "rep"), or nullopt.
std::optional<Role> ParseRole(std::string_view name);

//! The user behind one request or command.
struct Caller {
  std::string user;          //!< the user's name ("local-admin" for the local admin)
  Role role = Role::kRep;    //!< what the user may see
  std::string sales_agent;   //!< a rep's sales agent in the data; empty otherwise
  std::string manager;       //!< a manager's manager name in the data; empty otherwise
  bool local_admin = false;  //!< no users exist and the server is on loopback: nobody signed in
};

//! The name the local admin goes by in the audit log.
inline constexpr std::string_view kLocalAdminName = "local-admin";

//! The caller of every request when no users exist on a loopback server.
Caller LocalAdmin();

}  // namespace crm::auth
