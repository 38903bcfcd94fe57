#pragma once
// The entities of a question as CONTRACTS.md names them: key → canonical value.

#include <map>
#include <string>

#include "crm/nlu/linked_query.h"

namespace crm::nlu {

//! Entities by CONTRACTS.md key ("account", "top_n", …) with canonical values as text ("5" for top_n).
using Entities = std::map<std::string, std::string>;

//! The entities of a linked question: the first value found for each key.
Entities EntitiesOf(const LinkedQuery& linked);

}  // namespace crm::nlu
