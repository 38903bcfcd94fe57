#include "crm/auth/audit_log.h"

#include "crm/store/sqlite.h"
#include "crm/store/timestamp.h"

namespace crm::auth {

nlohmann::json AuditEntryJson(const AuditEntry& entry) {
  return {{"id", entry.id},
          {"at", entry.at},
          {"user", entry.user},
          {"action", entry.action},
          {"detail", entry.detail}};
}

Status AuditLog::Append(std::string_view user, std::string_view action, const nlohmann::json& detail) {
  auto insert =
      store::Prepare(db_, "INSERT INTO audit_log (at, user_name, action, detail) VALUES (?1, ?2, ?3, ?4)");
  if (!insert.ok()) return insert.error();
  sqlite3_stmt* s = insert->get();
  store::BindText(s, 1, store::UtcTimestampNow());
  store::BindText(s, 2, user);
  store::BindText(s, 3, action);
  store::BindText(s, 4, detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  if (sqlite3_step(s) != SQLITE_DONE) return Error{"writing the audit log: " + store::LastError(db_)};
  return Status::Ok();
}

Result<std::vector<AuditEntry>> AuditLog::Recent(size_t limit) const {
  auto query = store::Prepare(
      db_, "SELECT id, at, user_name, action, detail FROM audit_log ORDER BY id DESC LIMIT ?1");
  if (!query.ok()) return query.error();
  sqlite3_bind_int64(query->get(), 1, static_cast<int64_t>(limit));
  std::vector<AuditEntry> entries;
  int step;
  while ((step = sqlite3_step(query->get())) == SQLITE_ROW) {
    sqlite3_stmt* s = query->get();
    entries.push_back({sqlite3_column_int64(s, 0), store::ColumnString(s, 1), store::ColumnString(s, 2),
                       store::ColumnString(s, 3),
                       nlohmann::json::parse(store::ColumnString(s, 4), nullptr, false)});
  }
  if (step != SQLITE_DONE) return Error{"reading the audit log: " + store::LastError(db_)};
  return entries;
}

}  // namespace crm::auth
