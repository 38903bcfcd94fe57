#include "crm/access/caller_scope.h"

namespace crm::access {

Scope ScopeOf(const auth::Caller& caller) {
  switch (caller.role) {
    case auth::Role::kManager:
      return Scope::Team(caller.manager);
    case auth::Role::kRep:
      return Scope::Agent(caller.sales_agent);
    case auth::Role::kAdmin:
      break;
  }
  return Scope::All();
}

}  // namespace crm::access
