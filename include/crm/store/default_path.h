#pragma once
// Where the store lives when the user does not say.

#include <string>

namespace crm::store {

//! The store path when --db is not given: $CRM_DB, else $XDG_DATA_HOME/crm-assistant/crm.db, else
//! ~/.local/share/crm-assistant/crm.db (creating the crm-assistant folder; when that fails, Store::Open
//! reports the path).
std::string DefaultDbPath();

}  // namespace crm::store
