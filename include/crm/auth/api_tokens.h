#pragma once
// API tokens for scripts in the store (migration 7): the SHA-256 of each token, its user and label, when
// it was made and last used. The token itself is shown once, when it is made.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

#include "crm/auth/user_directory.h"
#include "crm/common/result.h"

namespace crm::auth {

//! What every API token starts with, so that it is recognisable in a leaked file.
inline constexpr std::string_view kApiTokenPrefix = "crm_";

//! The api_tokens table over a store's connection, which must outlive it.
class ApiTokenTable {
 public:
  explicit ApiTokenTable(sqlite3* db) : db_(db) {}

  //! A new token of `user` labelled `label`; an Error when there is no such user.
  Result<std::string> Create(std::string_view user, std::string_view label);
  //! Revokes the tokens of `user` labelled `label` (all of the user's when `label` is empty); how many.
  Result<int> Revoke(std::string_view user, std::string_view label);
  //! The user of the token that hashes to `token_hash` (see TokenHash), or nullopt.
  Result<std::optional<User>> Find(std::string_view token_hash) const;
  //! Records that the token hashing to `token_hash` was used now.
  Status Touch(std::string_view token_hash);

 private:
  sqlite3* db_;
};

}  // namespace crm::auth
