#include "crm/auth/api_tokens.h"

#include "crm/auth/secrets.h"
#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"
#include "user_rows.h"

namespace crm::auth {

Result<std::string> ApiTokenTable::Create(std::string_view user, std::string_view label) {
  const std::string token = RandomToken(kApiTokenPrefix);
  auto insert = store::Prepare(db_,
                               "INSERT INTO api_tokens (token_hash, user_id, label, created_at) "
                               "SELECT ?1, id, ?2, ?3 FROM users WHERE name = ?4");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* s = insert->get();
  store::BindText(s, 1, TokenHash(token));
  store::BindText(s, 2, label);
  store::BindText(s, 3, store::UtcTimestampNow());
  store::BindText(s, 4, user);
  if (sqlite3_step(s) != SQLITE_DONE) return Error{"making an API token: " + store::LastError(db_)};
  if (sqlite3_changes(db_) == 0) return Error{"no user named '" + std::string(user) + "'"};
  return token;
}

Result<int> ApiTokenTable::Revoke(std::string_view user, std::string_view label) {
  auto remove =
      store::Prepare(db_,
                     "DELETE FROM api_tokens WHERE user_id = (SELECT id FROM users WHERE name = ?1) "
                     "AND (?2 = '' OR label = ?2)");
  if (!remove.ok()) return remove.error();
  store::BindText(remove->get(), 1, user);
  store::BindText(remove->get(), 2, label);
  if (sqlite3_step(remove->get()) != SQLITE_DONE)
    return Error{"revoking API tokens: " + store::LastError(db_)};
  return sqlite3_changes(db_);
}

Result<std::optional<User>> ApiTokenTable::Find(std::string_view token_hash) const {
  auto query = store::Prepare(db_, std::string("SELECT ") + kUserColumns +
                                       " FROM api_tokens JOIN users ON users.id = api_tokens.user_id "
                                       "WHERE api_tokens.token_hash = ?1");
  if (!query.ok()) return query.error();
  store::BindText(query->get(), 1, token_hash);
  const int step = sqlite3_step(query->get());
  if (step == SQLITE_DONE) return std::optional<User>();
  if (step != SQLITE_ROW) return Error{"reading an API token: " + store::LastError(db_)};
  return std::optional<User>(ReadUser(query->get(), 0));
}

Status ApiTokenTable::Touch(std::string_view token_hash) {
  auto update = store::Prepare(db_, "UPDATE api_tokens SET last_used_at = ?1 WHERE token_hash = ?2");
  if (!update.ok()) return update.error();
  store::BindText(update->get(), 1, store::UtcTimestampNow());
  store::BindText(update->get(), 2, token_hash);
  if (sqlite3_step(update->get()) != SQLITE_DONE)
    return Error{"using an API token: " + store::LastError(db_)};
  return Status::Ok();
}

}  // namespace crm::auth
