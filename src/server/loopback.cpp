// Which listening addresses stay on this machine.
#include <arpa/inet.h>

#include <string>

#include "crm/server/server.h"

namespace crm::server {

bool IsLoopbackHost(std::string_view host) {
  const std::string text(host);
  if (text == "localhost" || text == "::1" || text == "[::1]") return true;
  in_addr address{};
  if (inet_pton(AF_INET, text.c_str(), &address) != 1) return false;
  return (ntohl(address.s_addr) >> 24) == 127;
}

}  // namespace crm::server
