#pragma once
// Field checks shared by the file readers: each parses one value of the current row, reports a problem
// through the TableReader (which drops the row) and returns false when the value cannot be used.
// An empty optional value stays missing.

#include <cstdint>
#include <string_view>

#include "crm/ingest/table_reader.h"

namespace crm::ingest {

//! A required value: false (reported "is empty") when empty.
bool RequireValue(TableReader& reader, size_t column, std::string_view text);

//! An optional non-negative decimal (money); kNoNumber when empty.
bool ParseOptionalAmount(TableReader& reader, size_t column, std::string_view text, double& out);

//! An optional non-negative whole number (head counts, years); kNoInteger when empty.
bool ParseOptionalCount(TableReader& reader, size_t column, std::string_view text, int64_t& out);

//! An optional ISO date; kNoDay when empty.
bool ParseOptionalDate(TableReader& reader, size_t column, std::string_view text, int32_t& out);

}  // namespace crm::ingest
