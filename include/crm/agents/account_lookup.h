#pragma once
// Finding an account by the name a user typed: exact, then ignoring case; an unknown name is an error
// that lists the closest names.

#include <cstdint>
#include <string_view>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::agents {

//! The row of the account named `name` (case-insensitive), or an error listing up to five close names.
Result<int32_t> FindAccountByName(const Dataset& data, std::string_view name);

}  // namespace crm::agents
