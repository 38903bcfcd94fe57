// The Api's view of its callers: who sent a request, and the audit log.
#include <cstdio>

#include "api.h"
#include "auth_credentials.h"

namespace crm::server {

Result<std::optional<auth::Identity>> Api::IdentityOf(const httplib::Request& request) const {
  return auth->Identify(CookieValue(request, kSessionCookie), BearerToken(request));
}

Result<auth::Caller> Api::CallerOf(const httplib::Request& request) const {
  auto identity = IdentityOf(request);
  if (!identity.ok()) return identity.error();
  if (!*identity) return Error{"sign in first (POST /api/v1/session) or send Authorization: Bearer TOKEN"};
  return (*identity)->caller;
}

void Api::Audit(const auth::Caller& caller, std::string_view action, const nlohmann::json& detail) const {
  if (Status written = auth->Audit(caller.user, action, detail); !written.ok()) {
    std::fprintf(stderr, "error: audit log: %s\n", written.error().message.c_str());
  }
}

}  // namespace crm::server
