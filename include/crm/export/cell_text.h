#pragma once
// Cells as plain text for the text formats: numbers in the shortest form that reads back exactly.

#include <string>

#include "crm/analytics/insight.h"

namespace crm::exports {

//! The number as text: integers without a decimal point, reals in their shortest exact form; empty when
//! not finite.
std::string NumberText(double value);
//! The cell as text: empty when missing, NumberText for numbers, text as it is.
std::string CellText(const analytics::Cell& cell);

}  // namespace crm::exports
