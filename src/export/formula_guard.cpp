#include "crm/export/formula_guard.h"

namespace crm::exports {

bool LooksLikeFormula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

std::string NeutralisedCell(std::string_view text) {
  return LooksLikeFormula(text) ? "'" + std::string(text) : std::string(text);
}

}  // namespace crm::exports
