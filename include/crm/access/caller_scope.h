#pragma once
// What a signed-in user may see: an admin everything, a manager their team, a rep their own deals.

#include "crm/access/scope.h"
#include "crm/auth/role.h"

namespace crm::access {

//! The scope of `caller`'s role.
Scope ScopeOf(const auth::Caller& caller);

}  // namespace crm::access
