#pragma once
// Formula-injection neutralisation for spreadsheets (OWASP "CSV injection"): text a spreadsheet would
// run as a formula gets a leading apostrophe. Numbers are never passed here: they are written as numbers.

#include <string>
#include <string_view>

namespace crm::exports {

//! True when a spreadsheet could read `text` as a formula: it starts with '=', '+', '-', '@', a tab or
//! a carriage return.
bool LooksLikeFormula(std::string_view text);
//! The text with a leading apostrophe when LooksLikeFormula, else unchanged.
std::string NeutralisedCell(std::string_view text);

}  // namespace crm::exports
