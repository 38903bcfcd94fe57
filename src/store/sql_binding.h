#pragma once
// Binding Dataset values to INSERT parameters (internal to the store). Missing values become NULL.
// Text is bound with SQLITE_STATIC: it lives in the Dataset (or a DayText) until the row is stepped.

#include <sqlite3.h>

#include <cstdint>
#include <string_view>

#include "crm/common/date.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! The 'YYYY-MM-DD' text of one date, kept alive until its row is stepped.
class DayText {
 public:
  //! False when `day` is outside years 1..9999, which 'YYYY-MM-DD' cannot hold.
  bool Format(int32_t day) {
    const CivilDate date = CivilFromDays(day);
    if (date.year < 1 || date.year > 9999) return false;
    WriteDigits(0, 4, date.year);
    text_[4] = '-';
    WriteDigits(5, 2, date.month);
    text_[7] = '-';
    WriteDigits(8, 2, date.day);
    return true;
  }
  //! The ten characters (not NUL-terminated).
  const char* data() const { return text_; }

 private:
  void WriteDigits(int at, int count, int value) {
    for (int i = at + count - 1; i >= at; --i, value /= 10) text_[i] = static_cast<char>('0' + value % 10);
  }
  char text_[10];
};

//! Binds text (empty stays empty, not NULL).
inline void BindText(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.empty() ? "" : text.data(), static_cast<int>(text.size()),
                    SQLITE_STATIC);
}

//! Binds text; empty is NULL.
inline void BindTextOrNull(sqlite3_stmt* statement, int index, std::string_view text) {
  if (text.empty())
    sqlite3_bind_null(statement, index);
  else
    BindText(statement, index, text);
}

//! Binds a reference to row `row` of a table with `rows` rows as that row's id (row + 1); kNoIndex is
//! NULL. False when the row does not exist: the bulk write checks its references here, not per row in SQL.
inline bool BindRowId(sqlite3_stmt* statement, int index, int32_t row, size_t rows) {
  if (row == kNoIndex) {
    sqlite3_bind_null(statement, index);
    return true;
  }
  if (row < 0 || static_cast<size_t>(row) >= rows) return false;
  sqlite3_bind_int64(statement, index, int64_t{row} + 1);
  return true;
}

//! Binds a number; kNoNumber is NULL.
inline void BindNumber(sqlite3_stmt* statement, int index, double value) {
  if (HasValue(value))
    sqlite3_bind_double(statement, index, value);
  else
    sqlite3_bind_null(statement, index);
}

//! Binds an integer; `missing` is NULL.
inline void BindInteger(sqlite3_stmt* statement, int index, int64_t value, int64_t missing) {
  if (value == missing)
    sqlite3_bind_null(statement, index);
  else
    sqlite3_bind_int64(statement, index, value);
}

//! Binds a dictionary code as its string; kNoIndex is NULL. False when the code is not in `dictionary`.
inline bool BindCode(sqlite3_stmt* statement, int index, const StringDictionary& dictionary, int32_t code) {
  if (code == kNoIndex) {
    sqlite3_bind_null(statement, index);
    return true;
  }
  if (code < 0 || static_cast<size_t>(code) >= dictionary.size()) return false;
  BindText(statement, index, dictionary.Value(code));
  return true;
}

//! Binds a day number as 'YYYY-MM-DD' formatted into `text`; kNoDay is NULL. False when out of range.
inline bool BindDay(sqlite3_stmt* statement, int index, int32_t day, DayText& text) {
  if (day == kNoDay) {
    sqlite3_bind_null(statement, index);
    return true;
  }
  if (!text.Format(day)) return false;
  sqlite3_bind_text(statement, index, text.data(), 10, SQLITE_STATIC);
  return true;
}

}  // namespace crm::store
