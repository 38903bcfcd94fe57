#pragma once
// The users of the store (migration 7): add, list, remove, and check a password.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/auth/role.h"
#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::auth {

//! A user as the directory lists it (never with the password hash).
struct User {
  std::string name;
  Role role = Role::kRep;
  std::string sales_agent;  //!< a rep's sales agent; empty otherwise
  std::string manager;      //!< a manager's manager name; empty otherwise
  std::string created_at;   //!< ISO 8601 UTC
};

//! The caller a signed-in `user` is.
Caller CallerOf(const User& user);

//! Checks a user before adding: a name of 1 to 64 printable characters, a rep with a sales agent, a
//! manager with a manager name, an admin with neither; with `data`, the sales agent or manager must be
//! in it. The Error is one line a user can act on.
Status ValidateUser(const User& user, const Dataset* data);

//! The users table over a store's connection, which must outlive it.
class UserDirectory {
 public:
  explicit UserDirectory(sqlite3* db) : db_(db) {}

  //! Adds `user` (its created_at is set here) with `password`, after ValidateUser and the password rules;
  //! an Error for a duplicate name.
  Status Add(const User& user, std::string_view password, const Dataset* data);
  //! Every user, by name.
  Result<std::vector<User>> List() const;
  //! Removes the user `name` with their sessions and tokens; an Error when there is none.
  Status Remove(std::string_view name);
  //! The user `name`, or nullopt.
  Result<std::optional<User>> Find(std::string_view name) const;
  //! The user when `password` is theirs, nullopt for a wrong name or password (both take the same time).
  Result<std::optional<User>> Verify(std::string_view name, std::string_view password) const;
  //! True when at least one user exists.
  Result<bool> Any() const;

 private:
  sqlite3* db_;
};

}  // namespace crm::auth
