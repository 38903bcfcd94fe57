// The workspace a request is answered from: the one of its caller's scope.
#include "api.h"
#include "crm/access/caller_scope.h"
#include "crm/agents/account_lookup.h"
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

std::optional<std::pair<const access::Workspace*, int32_t>> Api::AccountFor(const httplib::Request& request,
                                                                            httplib::Response& response) {
  const access::Workspace* workspace = WorkspaceFor(request, response);
  if (!workspace) return std::nullopt;
  const auto row = agents::FindAccountByName(workspace->data(), request.matches[1].str());
  if (!row.ok()) {
    SendError(response, 404, row.error().message);
    return std::nullopt;
  }
  return std::pair{workspace, *row};
}

}  // namespace crm::server
