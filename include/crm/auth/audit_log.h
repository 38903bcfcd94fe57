#pragma once
// The audit log in the store (migration 7): who did what and when, with the details as JSON.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"

namespace crm::auth {

//! One recorded action.
struct AuditEntry {
  int64_t id = 0;
  std::string at;      //!< ISO 8601 UTC
  std::string user;    //!< the caller's name (the name tried, for a failed sign-in)
  std::string action;  //!< "sign_in", "sign_out", "ask", "export", …
  nlohmann::json detail = nlohmann::json::object();
};

//! The entry's JSON: {id, at, user, action, detail}.
nlohmann::json AuditEntryJson(const AuditEntry& entry);

//! The audit_log table over a store's connection, which must outlive it.
class AuditLog {
 public:
  explicit AuditLog(sqlite3* db) : db_(db) {}

  //! Records that `user` did `action`, with `detail`.
  Status Append(std::string_view user, std::string_view action, const nlohmann::json& detail);
  //! The latest `limit` entries, newest first.
  Result<std::vector<AuditEntry>> Recent(size_t limit) const;

 private:
  sqlite3* db_;
};

}  // namespace crm::auth
