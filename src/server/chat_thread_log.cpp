#include "chat_thread_log.h"

namespace crm::server {

Status ChatThreadLog::EnsureOpen(std::unique_ptr<store::Store>& slot) {
  if (slot) return Status::Ok();
  std::lock_guard lock(open_mutex_);
  auto opened = store::Store::Open(path_);
  if (!opened.ok()) return opened.error();
  slot = std::move(opened).value();
  return Status::Ok();
}

Result<std::optional<nlu::PreviousTurn>> ChatThreadLog::LastTurn(const std::string& session) {
  std::lock_guard lock(reader_mutex_);
  const Status opened = EnsureOpen(reader_);
  if (!opened.ok()) return opened.error();
  return store::ChatThreads(reader_->connection()).LastTurn(session);
}

Status ChatThreadLog::Append(const std::string& session, const store::ChatTurn& turn) {
  std::lock_guard lock(writer_mutex_);
  const Status opened = EnsureOpen(writer_);
  if (!opened.ok()) return opened;
  return store::ChatThreads(writer_->connection()).Append(session, turn);
}

}  // namespace crm::server
