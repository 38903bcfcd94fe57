#include "crm/auth/user_directory.h"

#include "crm/auth/secrets.h"
#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"
#include "user_rows.h"

namespace crm::auth {

namespace {

//! Longest user name accepted.
constexpr size_t kMaxNameLength = 64;

//! True for a name of printable characters without leading or trailing spaces.
bool IsPrintableName(std::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength || name.front() == ' ' || name.back() == ' ') return false;
  for (const char c : name) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

Caller CallerOf(const User& user) { return {user.name, user.role, user.sales_agent, user.manager, false}; }

Status ValidateUser(const User& user, const Dataset* data) {
  if (!IsPrintableName(user.name)) {
    return Error{"a user name is 1 to 64 printable characters without leading or trailing spaces"};
  }
  switch (user.role) {
    case Role::kRep:
      if (user.sales_agent.empty()) return Error{"a rep needs --sales-agent NAME (their name in the data)"};
      if (!user.manager.empty()) return Error{"--manager is for managers; a rep has --sales-agent"};
      if (data && data->FindSalesAgent(user.sales_agent) == kNoIndex) {
        return Error{"unknown sales agent '" + user.sales_agent + "': not in the loaded data"};
      }
      break;
    case Role::kManager:
      if (user.manager.empty()) return Error{"a manager needs --manager NAME (their name in the data)"};
      if (!user.sales_agent.empty()) return Error{"--sales-agent is for reps; a manager has --manager"};
      if (data && data->managers.Find(user.manager) == kNoIndex) {
        return Error{"unknown manager '" + user.manager + "': not in the loaded data"};
      }
      break;
    case Role::kAdmin:
      if (!user.sales_agent.empty() || !user.manager.empty()) {
        return Error{"an admin sees everything: leave out --sales-agent and --manager"};
      }
      break;
  }
  return Status::Ok();
}

Status UserDirectory::Add(const User& user, std::string_view password, const Dataset* data) {
  if (Status valid = ValidateUser(user, data); !valid.ok()) return valid;
  auto hash = HashPassword(password);
  if (!hash.ok()) return hash.error();
  auto insert =
      store::Prepare(db_,
                     "INSERT INTO users (name, role, sales_agent, manager, password_hash, created_at) "
                     "VALUES (?1, ?2, NULLIF(?3, ''), NULLIF(?4, ''), ?5, ?6)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* s = insert->get();
  store::BindText(s, 1, user.name);
  store::BindText(s, 2, RoleName(user.role));
  store::BindText(s, 3, user.sales_agent);
  store::BindText(s, 4, user.manager);
  store::BindText(s, 5, *hash);
  store::BindText(s, 6, store::UtcTimestampNow());
  const int step = sqlite3_step(s);
  if (step == SQLITE_CONSTRAINT) return Error{"the user '" + user.name + "' already exists"};
  if (step != SQLITE_DONE) return Error{"adding the user '" + user.name + "': " + store::LastError(db_)};
  return Status::Ok();
}

Result<std::vector<User>> UserDirectory::List() const {
  auto query = store::Prepare(db_, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY name");
  if (!query.ok()) return query.error();
  std::vector<User> users;
  int step;
  while ((step = sqlite3_step(query->get())) == SQLITE_ROW) users.push_back(ReadUser(query->get(), 0));
  if (step != SQLITE_DONE) return Error{"listing the users: " + store::LastError(db_)};
  return users;
}

Status UserDirectory::Remove(std::string_view name) {
  auto remove = store::Prepare(db_, "DELETE FROM users WHERE name = ?1");
  if (!remove.ok()) return remove.error();
  store::BindText(remove->get(), 1, name);
  if (sqlite3_step(remove->get()) != SQLITE_DONE) {
    return Error{"removing the user '" + std::string(name) + "': " + store::LastError(db_)};
  }
  if (sqlite3_changes(db_) == 0) return Error{"no user named '" + std::string(name) + "'"};
  return Status::Ok();
}

Result<std::optional<User>> UserDirectory::Find(std::string_view name) const {
  auto found = FindUserWithHash(db_, name);
  if (!found.ok()) return found.error();
  if (!*found) return std::optional<User>();
  return std::optional<User>((*found)->user);
}

Result<std::optional<User>> UserDirectory::Verify(std::string_view name, std::string_view password) const {
  auto found = FindUserWithHash(db_, name);
  if (!found.ok()) return found.error();
  return CheckPassword(*found, password);
}

Result<bool> UserDirectory::Any() const {
  auto count = store::QueryInt64(db_, "SELECT EXISTS (SELECT 1 FROM users)");
  if (!count.ok()) return count.error();
  return *count != 0;
}

}  // namespace crm::auth
