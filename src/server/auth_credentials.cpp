#include "auth_credentials.h"

namespace crm::server {

namespace {

//! `text` without leading and trailing spaces and tabs.
std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const size_t headers = request.get_header_value_count("Cookie");
  for (size_t i = 0; i < headers; ++i) {
    const std::string header = request.get_header_value("Cookie", i);
    std::string_view rest = header;
    while (!rest.empty()) {
      const size_t end = rest.find(';');
      const std::string_view pair = Trim(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      const size_t equals = pair.find('=');
      if (equals != std::string_view::npos && Trim(pair.substr(0, equals)) == name) {
        return std::string(Trim(pair.substr(equals + 1)));
      }
    }
  }
  return "";
}

std::string BearerToken(const httplib::Request& request) {
  constexpr std::string_view kScheme = "Bearer ";
  const std::string header = request.get_header_value("Authorization");
  if (header.size() <= kScheme.size() || header.compare(0, kScheme.size(), kScheme) != 0) return "";
  return std::string(Trim(std::string_view(header).substr(kScheme.size())));
}

std::string SessionCookie(const std::string& token, long long max_age_seconds) {
  return std::string(kSessionCookie) + "=" + token +
         "; HttpOnly; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age_seconds);
}

}  // namespace crm::server
