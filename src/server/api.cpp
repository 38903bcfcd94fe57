// The workspace a request is answered from: the one of its caller's scope.
#include "api.h"
#include "crm/access/caller_scope.h"
#include "http_json.h"

namespace crm::server {

const access::Workspace* Api::WorkspaceFor(const httplib::Request& request, httplib::Response& response) {
  auto caller = CallerOf(request);
  if (!caller.ok()) {
    SendError(response, 401, caller.error().message);
    return nullptr;
  }
  auto workspace = workspaces.For(access::ScopeOf(*caller));
  if (!workspace.ok()) {
    SendError(response, 403, "user '" + caller->user + "' sees no data: " + workspace.error().message);
    return nullptr;
  }
  return *workspace;
}

}  // namespace crm::server
