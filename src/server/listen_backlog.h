#pragma once
// cpp-httplib 0.11.4 listens with a backlog of 5 (compiled into Debian's library): a burst of
// connections beyond it (a hundred chat streams opening at once) waits seconds for SYN retransmits.
// The listening socket is noted when it is created and its backlog raised once it is bound.

#include <httplib.h>

namespace crm::server {

//! The listen backlog the server asks for.
inline constexpr int kListenBacklog = 1024;

//! Makes `server` note the socket it listens on in `*socket` (keeping httplib's socket options).
void NoteListeningSocket(httplib::Server& server, int* socket);
//! Raises the backlog of the bound, listening `socket` to kListenBacklog; no effect when `socket` < 0.
void RaiseListenBacklog(int socket);

}  // namespace crm::server
