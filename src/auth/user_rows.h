#pragma once
// Reading users from SQLite rows, shared by the directory, the sessions and the API tokens.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

#include "crm/auth/user_directory.h"
#include "crm/common/result.h"

namespace crm::auth {

//! The columns ReadUser reads, in order, qualified by the table alias `users`.
inline constexpr const char* kUserColumns =
    "users.name, users.role, users.sales_agent, users.manager, users.created_at";

//! The user in the kUserColumns that start at `first` in the current row of `statement`.
User ReadUser(sqlite3_stmt* statement, int first);

//! A user with the hash of their password.
struct UserWithHash {
  User user;
  std::string password_hash;
};

//! The user `name` with their password hash, or nullopt.
Result<std::optional<UserWithHash>> FindUserWithHash(sqlite3* db, std::string_view name);

//! The user of `found` when `password` is theirs; for a name not found, nullopt after checking a decoy
//! hash, so that an unknown name takes as long as a wrong password.
std::optional<User> CheckPassword(const std::optional<UserWithHash>& found, std::string_view password);

}  // namespace crm::auth
