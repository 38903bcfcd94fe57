#pragma once
// Sign-in sessions in the store (migration 7): the SHA-256 of the cookie's token, the user, the CSRF
// token and when the session expires.

#include <sqlite3.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "crm/auth/user_directory.h"
#include "crm/common/result.h"

namespace crm::auth {

//! A session just started: its secret token (for the cookie, never stored) and its CSRF token.
struct NewSession {
  std::string token;
  std::string csrf_token;
};

//! A live session: whose it is and the CSRF token its state-changing requests must carry.
struct SessionInfo {
  User user;
  std::string csrf_token;
};

//! The sessions table over a store's connection, which must outlive it.
class SessionTable {
 public:
  explicit SessionTable(sqlite3* db) : db_(db) {}

  //! Starts a session of `user` that lasts `lifetime`, and removes expired sessions.
  Result<NewSession> Create(std::string_view user, std::chrono::seconds lifetime);
  //! The live session whose token hashes to `token_hash` (see TokenHash), or nullopt.
  Result<std::optional<SessionInfo>> Find(std::string_view token_hash) const;
  //! Ends the session whose token hashes to `token_hash`; nothing happens when there is none.
  Status Delete(std::string_view token_hash);

 private:
  sqlite3* db_;
};

}  // namespace crm::auth
