// The workspace a request is answered from.
#include "api.h"
#include "http_json.h"

namespace crm::server {

const access::Workspace* Api::WorkspaceFor(const httplib::Request&, httplib::Response& response) {
  auto workspace = workspaces.For(access::Scope::All());
  if (!workspace.ok()) {
    SendError(response, 403, workspace.error().message);
    return nullptr;
  }
  return *workspace;
}

}  // namespace crm::server
