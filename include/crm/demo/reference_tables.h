#pragma once
// The small tables of the demo data: accounts, products, sales teams and the data dictionary.

#include <string>
#include <vector>

#include "crm/common/result.h"
#include "crm/demo/accounts.h"

namespace crm::demo {

//! Writes accounts.csv, products.csv, sales_teams.csv and data_dictionary.csv into `dir`; the Error names
//! the file that failed.
Status WriteReferenceTables(const std::string& dir, const std::vector<Account>& accounts);

}  // namespace crm::demo
