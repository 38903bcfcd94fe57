#include "crm/ingest/row_fields.h"

#include <string>

#include "crm/common/date.h"
#include "crm/data/dataset.h"
#include "crm/ingest/field_parsers.h"

namespace crm::ingest {

namespace {

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

bool RequireValue(TableReader& reader, size_t column, std::string_view text) {
  if (!text.empty()) return true;
  reader.Problem(column, "is empty");
  return false;
}

bool ParseOptionalAmount(TableReader& reader, size_t column, std::string_view text, double& out) {
  out = kNoNumber;
  if (text.empty()) return true;
  const auto value = ParseDecimal(text);
  if (!value) {
    reader.Problem(column, Quoted(text) + " is not a number");
    return false;
  }
  if (*value < 0) {
    reader.Problem(column, Quoted(text) + " is negative");
    return false;
  }
  out = *value;
  return true;
}

bool ParseOptionalCount(TableReader& reader, size_t column, std::string_view text, int64_t& out) {
  out = kNoInteger;
  if (text.empty()) return true;
  const auto value = ParseWholeNumber(text);
  if (!value) {
    reader.Problem(column, Quoted(text) + " is not a whole number");
    return false;
  }
  if (*value < 0) {
    reader.Problem(column, Quoted(text) + " is negative");
    return false;
  }
  out = *value;
  return true;
}

bool ParseOptionalDate(TableReader& reader, size_t column, std::string_view text, int32_t& out) {
  out = kNoDay;
  if (text.empty()) return true;
  const auto day = ParseIsoDate(text);
  if (!day) {
    reader.Problem(column, Quoted(text) + " is not a date (YYYY-MM-DD)");
    return false;
  }
  out = *day;
  return true;
}

}  // namespace crm::ingest
