#pragma once
// A digest of a whole Dataset, to tell whether a model was trained on the data now loaded.

#include <string>

#include "crm/data/dataset.h"

namespace crm {

//! Lower-case hex SHA-256 over every table's content in a canonical form: strings and dictionary values
//! as text (never their codes), numbers as their bytes (one NaN, zero without sign), dates as day numbers,
//! references as row numbers, rows in order. Any change to a value changes it; the same data gives the
//! same value however it was built (imported from CSV or loaded from the store).
std::string DatasetFingerprint(const Dataset& data);

}  // namespace crm
