#include "crm/export/cell_text.h"

#include <charconv>
#include <cmath>

namespace crm::exports {

std::string NumberText(double value) {
  if (!std::isfinite(value)) return {};
  char text[32];
  const auto end = std::to_chars(text, text + sizeof text, value).ptr;
  return std::string(text, end);
}

std::string CellText(const analytics::Cell& cell) {
  if (const auto* integer = std::get_if<int64_t>(&cell)) return std::to_string(*integer);
  if (const auto* real = std::get_if<double>(&cell)) return NumberText(*real);
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  return {};
}

}  // namespace crm::exports
