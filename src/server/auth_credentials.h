#pragma once
// Where a request carries its proof of who sent it: the session cookie or an Authorization: Bearer token.

#include <httplib.h>

#include <string>
#include <string_view>

namespace crm::server {

//! The name of the session cookie.
inline constexpr std::string_view kSessionCookie = "crm_session";

//! The value of the cookie `name` in the request's Cookie headers; empty when absent.
std::string CookieValue(const httplib::Request& request, std::string_view name);
//! The token of an `Authorization: Bearer TOKEN` header; empty when absent.
std::string BearerToken(const httplib::Request& request);
//! The Set-Cookie value that stores `token` for `max_age_seconds` (0 with an empty token: deletes it):
//! HttpOnly, SameSite=Strict, Path=/. Secure would be added for TLS, which this server does not speak.
std::string SessionCookie(const std::string& token, long long max_age_seconds);

}  // namespace crm::server
