// POST /api/v1/session signs in (a session cookie and its CSRF token), GET says who is signed in,
// DELETE signs out; GET /api/v1/audit lists the audit log for admins.
#include <charconv>
#include <cstdio>

#include "api.h"
#include "auth_credentials.h"
#include "http_json.h"

namespace crm::server {

namespace {

//! The longest audit listing one request gets, and the default.
constexpr size_t kMaxAuditEntries = 1000;
constexpr size_t kDefaultAuditEntries = 100;

//! A JSON string, or null when `text` is empty (missing values stay missing).
nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

//! The caller as GET and POST /api/v1/session describe it.
nlohmann::json SessionJson(const auth::Caller& caller, const std::string& csrf_token) {
  return {{"user", caller.user},
          {"role", auth::RoleName(caller.role)},
          {"sales_agent", TextOrNull(caller.sales_agent)},
          {"manager", TextOrNull(caller.manager)},
          {"csrf_token", TextOrNull(csrf_token)},
          {"local_admin", caller.local_admin}};
}

//! Logs a store failure for the operator and answers 500 without its text.
void SendStoreError(httplib::Response& response, const Error& error) {
  std::fprintf(stderr, "error: users: %s\n", error.message.c_str());
  SendError(response, 500, "the user store could not be used");
}

void SignIn(const Api& api, const httplib::Request& request, httplib::Response& response) {
  if (!HasJsonContentType(request)) {
    return SendError(response, 415, "send {\"user\", \"password\"} as JSON (Content-Type: application/json)");
  }
  auto body = ParseJsonObject(request);
  if (!body.ok()) return SendError(response, 400, body.error().message);
  auto user = StringMember(*body, "user");
  if (!user.ok()) return SendError(response, 400, user.error().message);
  auto password = StringMember(*body, "password");
  if (!password.ok()) return SendError(response, 400, password.error().message);
  if (user->empty() || password->empty())
    return SendError(response, 400, "\"user\" and \"password\" are required");
  if (const int wait = api.auth->SignInWaitSeconds(*user, request.remote_addr); wait > 0) {
    response.set_header("Retry-After", std::to_string(wait));
    return SendError(response, 429, "too many failed sign-ins: try again in " + std::to_string(wait) + " s");
  }
  auto signed_in = api.auth->SignIn(*user, *password, request.remote_addr);
  if (!signed_in.ok()) return SendStoreError(response, signed_in.error());
  if (!*signed_in) return SendError(response, 401, "wrong user name or password");
  const auth::SignedIn& session = **signed_in;
  response.set_header("Set-Cookie", SessionCookie(session.session.token, api.auth->SessionLifetimeSeconds()));
  SendJson(response, 200, SessionJson(session.caller, session.session.csrf_token));
}

void WhoAmI(const Api& api, const httplib::Request& request, httplib::Response& response) {
  auto identity = api.IdentityOf(request);
  if (!identity.ok()) return SendStoreError(response, identity.error());
  if (!*identity) return SendError(response, 401, "not signed in");
  SendJson(response, 200, SessionJson((*identity)->caller, (*identity)->csrf_token));
}

void SignOut(const Api& api, const httplib::Request& request, httplib::Response& response) {
  auto identity = api.IdentityOf(request);
  if (!identity.ok()) return SendStoreError(response, identity.error());
  if (!*identity || (*identity)->proof != auth::Proof::kSession) {
    return SendError(response, 400, "no session to end: signing out ends a browser session");
  }
  if (Status ended = api.auth->SignOut(CookieValue(request, kSessionCookie)); !ended.ok()) {
    return SendStoreError(response, ended.error());
  }
  api.Audit((*identity)->caller, "sign_out", nlohmann::json::object());
  response.set_header("Set-Cookie", SessionCookie("", 0));
  SendJson(response, 200, {{"signed_out", true}});
}

void ListAudit(const Api& api, const httplib::Request& request, httplib::Response& response) {
  auto caller = api.CallerOf(request);
  if (!caller.ok()) return SendError(response, 401, caller.error().message);
  if (caller->role != auth::Role::kAdmin) return SendError(response, 403, "the audit log is for admins");
  size_t limit = kDefaultAuditEntries;
  if (request.has_param("limit")) {
    const std::string text = request.get_param_value("limit");
    const auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (failure != std::errc() || end != text.data() + text.size() || limit < 1 || limit > kMaxAuditEntries) {
      return SendError(response, 400, "limit must be a number from 1 to " + std::to_string(kMaxAuditEntries));
    }
  }
  auto entries = api.auth->RecentAudit(limit);
  if (!entries.ok()) return SendStoreError(response, entries.error());
  nlohmann::json list = nlohmann::json::array();
  for (const auth::AuditEntry& entry : *entries) list.push_back(auth::AuditEntryJson(entry));
  SendJson(response, 200, {{"entries", list}});
}

}  // namespace

void AddAuthRoutes(RouteTable& routes, Api& api) {
  const auto bind = [&api](void (*handler)(const Api&, const httplib::Request&, httplib::Response&)) {
    return [&api, handler](const httplib::Request& request, httplib::Response& response) {
      handler(api, request, response);
    };
  };
  routes.Add(
      {"POST",
       "/api/v1/session",
       "/api/v1/session",
       "sign in with {user, password}: a session cookie and {user, role, sales_agent, manager, csrf_token}",
       {}},
      bind(SignIn));
  routes.Add({"GET",
              "/api/v1/session",
              "/api/v1/session",
              "the signed-in caller and the CSRF token (401: none)",
              {}},
             bind(WhoAmI));
  routes.Add({"DELETE", "/api/v1/session", "/api/v1/session", "sign out (send X-CSRF-Token)", {}},
             bind(SignOut));
  routes.Add(
      {"GET", "/api/v1/audit", "/api/v1/audit", "the latest audit log entries (admins only)", {"limit"}},
      bind(ListAudit));
}

}  // namespace crm::server
