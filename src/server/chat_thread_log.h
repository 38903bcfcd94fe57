#pragma once
// The chat threads of the server in the store: one writer connection used by one request at a time, and
// a separate reader connection, both opened on first use.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "crm/common/result.h"
#include "crm/store/chat_threads.h"
#include "crm/store/store.h"

namespace crm::server {

//! Reads and appends the turns of chat sessions; safe to share across request threads.
class ChatThreadLog {
 public:
  //! Threads in the store at `store_path`.
  explicit ChatThreadLog(std::string store_path) : path_(std::move(store_path)) {}

  //! The turn a follow-up in `session` continues, or nullopt.
  Result<std::optional<nlu::PreviousTurn>> LastTurn(const std::string& session);
  //! Appends `turn` to `session`.
  Status Append(const std::string& session, const store::ChatTurn& turn);

 private:
  //! Opens `slot` on the store when it is not open yet; call with its mutex held.
  Status EnsureOpen(std::unique_ptr<store::Store>& slot);

  std::string path_;
  std::mutex open_mutex_;    //!< opening applies migrations: one connection at a time
  std::mutex writer_mutex_;  //!< SQLite has one writer: serialise appends
  std::mutex reader_mutex_;
  std::unique_ptr<store::Store> writer_;
  std::unique_ptr<store::Store> reader_;
};

}  // namespace crm::server
