#pragma once
// Chat threads in the store: each answered turn of a session, so that a follow-up in a later process
// (`ask --session ID`, the web chat) continues where the thread left off.

#include <sqlite3.h>

#include <optional>
#include <string>
#include <string_view>

#include "crm/common/result.h"
#include "crm/nlu/follow_up.h"

namespace crm::store {

//! One answered turn to record.
struct ChatTurn {
  std::string question;
  std::string intent;
  nlu::Entities entities;
  std::string answer;  //!< the markdown shown
};

//! True for a usable session id: 1 to 64 letters, digits, '-', '_' or '.'.
bool IsValidSessionId(std::string_view session);

//! The threads table (migration 5) over a store's connection, which must outlive it.
class ChatThreads {
 public:
  explicit ChatThreads(sqlite3* db) : db_(db) {}

  //! The last turn of `session` whose intent a follow-up can continue (not help, unsupported or a
  //! question back), or nullopt for a new session.
  Result<std::optional<nlu::PreviousTurn>> LastTurn(const std::string& session) const;

  //! Appends a turn to `session` (created on first use) in its own transaction.
  Status Append(const std::string& session, const ChatTurn& turn);

 private:
  sqlite3* db_;
};

}  // namespace crm::store
