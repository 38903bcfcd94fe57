#pragma once
// Row-level access: which part of the CRM one person may see, and that part cut out of the whole data.
// Everything answered for a person (insights, chat, search, agents, exports, text sent to an LLM) is
// computed over their part alone, so data outside it is answered as if it did not exist.

#include <string>

#include "crm/common/result.h"
#include "crm/data/dataset.h"

namespace crm::access {

//! Who sees what: everything, one manager's team, or one sales agent's deals and accounts.
struct Scope {
  //! The extent of a scope.
  enum class Kind { kAll, kTeam, kAgent };
  Kind kind = Kind::kAll;
  std::string name;  //!< the manager (kTeam) or the sales agent (kAgent); empty for kAll

  //! Everything (an admin).
  static Scope All() { return {}; }
  //! The deals of the agents `manager` manages, and the accounts they work.
  static Scope Team(std::string manager) { return {Kind::kTeam, std::move(manager)}; }
  //! The deals of `agent`, and the accounts they work.
  static Scope Agent(std::string agent) { return {Kind::kAgent, std::move(agent)}; }

  //! True for the scope of everything.
  bool all() const { return kind == Kind::kAll; }
  //! A text naming the scope uniquely ("all", "team:NAME", "agent:NAME"), for caches and logs.
  std::string Key() const;
};

//! The part of `data` inside `scope` (a rep: their deals, the accounts those deals or their activities
//! are with, their own agent row and their activities; a manager: the same over their team). The
//! product catalogue stays whole. The part keeps the whole data's latest date as its as-of day. An Error
//! when the scope names a manager or agent the data does not have.
Result<Dataset> ScopeDataset(const Dataset& data, const Scope& scope);

}  // namespace crm::access
