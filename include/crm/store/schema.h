#pragma once
// The store's schema as an ordered list of migrations.

#include <span>

#include "crm/store/migration.h"

namespace crm::store {

//! Every migration of the store, oldest first. An area that needs tables appends the next version
//! here; a released migration is never edited.
std::span<const Migration> StoreMigrations();

}  // namespace crm::store
