#include "user_rows.h"

#include "crm/auth/secrets.h"
#include "crm/store/sqlite.h"

namespace crm::auth {

namespace {

//! A hash to check when the name is unknown.
const std::string& DecoyHash() {
  static const std::string hash = [] {
    auto hashed = HashPassword(RandomToken());
    return hashed.ok() ? *hashed : std::string();
  }();
  return hash;
}

}  // namespace

User ReadUser(sqlite3_stmt* statement, int first) {
  User user;
  user.name = store::ColumnString(statement, first);
  user.role = ParseRole(store::ColumnString(statement, first + 1)).value_or(Role::kRep);
  user.sales_agent = store::ColumnString(statement, first + 2);
  user.manager = store::ColumnString(statement, first + 3);
  user.created_at = store::ColumnString(statement, first + 4);
  return user;
}

Result<std::optional<UserWithHash>> FindUserWithHash(sqlite3* db, std::string_view name) {
  auto query = store::Prepare(
      db, std::string("SELECT ") + kUserColumns + ", users.password_hash FROM users WHERE users.name = ?1");
  if (!query.ok()) return query.error();
  store::BindText(query->get(), 1, name);
  const int step = sqlite3_step(query->get());
  if (step == SQLITE_DONE) return std::optional<UserWithHash>();
  if (step != SQLITE_ROW)
    return Error{"reading the user '" + std::string(name) + "': " + store::LastError(db)};
  return std::optional<UserWithHash>(
      UserWithHash{ReadUser(query->get(), 0), store::ColumnString(query->get(), 5)});
}

std::optional<User> CheckPassword(const std::optional<UserWithHash>& found, std::string_view password) {
  if (!found) {
    VerifyPassword(DecoyHash(), password);
    return std::nullopt;
  }
  if (!VerifyPassword(found->password_hash, password)) return std::nullopt;
  return found->user;
}

}  // namespace crm::auth
