#include "listen_backlog.h"

#include <sys/socket.h>

namespace crm::server {

void NoteListeningSocket(httplib::Server& server, int* socket) {
  server.set_socket_options([socket](socket_t sock) {
    httplib::default_socket_options(sock);
    *socket = sock;
  });
}

void RaiseListenBacklog(int socket) {
  if (socket >= 0) ::listen(socket, kListenBacklog);  // listen again on a listening socket: new backlog
}

}  // namespace crm::server
