#include "crm/auth/sessions.h"

#include "crm/auth/secrets.h"
#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"
#include "user_rows.h"

namespace crm::auth {

Result<NewSession> SessionTable::Create(std::string_view user, std::chrono::seconds lifetime) {
  const auto now = std::chrono::system_clock::now();
  const std::string now_text = store::FormatUtcTimestamp(now);
  auto expired = store::Prepare(db_, "DELETE FROM sessions WHERE expires_at <= ?1");
  if (!expired.ok()) return expired.error();
  store::BindText(expired->get(), 1, now_text);
  if (sqlite3_step(expired->get()) != SQLITE_DONE)
    return Error{"ending expired sessions: " + store::LastError(db_)};

  NewSession session{RandomToken(), RandomToken()};
  auto insert =
      store::Prepare(db_,
                     "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
                     "SELECT ?1, id, ?2, ?3, ?4 FROM users WHERE name = ?5");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* s = insert->get();
  store::BindText(s, 1, TokenHash(session.token));
  store::BindText(s, 2, session.csrf_token);
  store::BindText(s, 3, now_text);
  store::BindText(s, 4, store::FormatUtcTimestamp(now + lifetime));
  store::BindText(s, 5, user);
  if (sqlite3_step(s) != SQLITE_DONE) return Error{"starting a session: " + store::LastError(db_)};
  if (sqlite3_changes(db_) == 0) return Error{"no user named '" + std::string(user) + "'"};
  return session;
}

Result<std::optional<SessionInfo>> SessionTable::Find(std::string_view token_hash) const {
  auto query = store::Prepare(db_, std::string("SELECT ") + kUserColumns +
                                       ", sessions.csrf_token FROM sessions JOIN users ON users.id = "
                                       "sessions.user_id WHERE sessions.token_hash = ?1 AND "
                                       "sessions.expires_at > ?2");
  if (!query.ok()) return query.error();
  store::BindText(query->get(), 1, token_hash);
  store::BindText(query->get(), 2, store::UtcTimestampNow());
  const int step = sqlite3_step(query->get());
  if (step == SQLITE_DONE) return std::optional<SessionInfo>();
  if (step != SQLITE_ROW) return Error{"reading a session: " + store::LastError(db_)};
  return std::optional<SessionInfo>(
      SessionInfo{ReadUser(query->get(), 0), store::ColumnString(query->get(), 5)});
}

Status SessionTable::Delete(std::string_view token_hash) {
  auto remove = store::Prepare(db_, "DELETE FROM sessions WHERE token_hash = ?1");
  if (!remove.ok()) return remove.error();
  store::BindText(remove->get(), 1, token_hash);
  if (sqlite3_step(remove->get()) != SQLITE_DONE) return Error{"ending a session: " + store::LastError(db_)};
  return Status::Ok();
}

}  // namespace crm::auth
