#pragma once
// Dataset values as SQL values (internal to the store): the results a virtual table's xColumn gives for
// a bulk INSERT. Missing values become NULL. Text from the Dataset is passed with SQLITE_STATIC: it lives
// in the Dataset for the whole statement.

#include <sqlite3.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "crm/common/date.h"
#include "crm/data/dataset.h"

namespace crm::store {

//! Text (empty stays empty, not NULL).
inline void ResultText(sqlite3_context* context, std::string_view text) {
  sqlite3_result_text(context, text.empty() ? "" : text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

//! Text; empty is NULL.
inline void ResultTextOrNull(sqlite3_context* context, std::string_view text) {
  if (text.empty())
    sqlite3_result_null(context);
  else
    ResultText(context, text);
}

//! A reference to row `row` of a table with `rows` rows as that row's id (row + 1); kNoIndex is NULL.
//! False when the row does not exist: the bulk write checks its references here, not per row in SQL.
inline bool ResultRowId(sqlite3_context* context, int32_t row, size_t rows) {
  if (row == kNoIndex) {
    sqlite3_result_null(context);
    return true;
  }
  if (row < 0 || static_cast<size_t>(row) >= rows) return false;
  sqlite3_result_int64(context, int64_t{row} + 1);
  return true;
}

//! A number; kNoNumber is NULL.
inline void ResultNumber(sqlite3_context* context, double value) {
  if (HasValue(value))
    sqlite3_result_double(context, value);
  else
    sqlite3_result_null(context);
}

//! An integer; `missing` is NULL.
inline void ResultInteger(sqlite3_context* context, int64_t value, int64_t missing) {
  if (value == missing)
    sqlite3_result_null(context);
  else
    sqlite3_result_int64(context, value);
}

//! A dictionary code as its string; kNoIndex is NULL. False when the code is not in `dictionary`.
inline bool ResultCode(sqlite3_context* context, const StringDictionary& dictionary, int32_t code) {
  if (code == kNoIndex) {
    sqlite3_result_null(context);
    return true;
  }
  if (code < 0 || static_cast<size_t>(code) >= dictionary.size()) return false;
  ResultText(context, dictionary.Value(code));
  return true;
}

//! The 'YYYY-MM-DD' texts of day numbers, remembered: a column of millions of dates holds a few thousand
//! distinct days, so most lookups skip the calendar arithmetic.
class DayTexts {
 public:
  //! The ten characters of `day` (not NUL-terminated, valid until the next call), or nullptr when `day`
  //! lies outside years 1-9999, which 'YYYY-MM-DD' cannot hold.
  const char* Text(int32_t day) {
    Slot& slot = slots_[static_cast<uint32_t>(day) % kSlots];
    if (slot.day != day || slot.day == kNoDay) {
      const CivilDate date = CivilFromDays(day);
      if (date.year < 1 || date.year > 9999) return nullptr;
      slot.day = day;
      WriteDigits(slot.text, 0, 4, date.year);
      slot.text[4] = '-';
      WriteDigits(slot.text, 5, 2, date.month);
      slot.text[7] = '-';
      WriteDigits(slot.text, 8, 2, date.day);
    }
    return slot.text;
  }

 private:
  static void WriteDigits(char* text, int at, int count, int value) {
    for (int i = at + count - 1; i >= at; --i, value /= 10) text[i] = static_cast<char>('0' + value % 10);
  }
  static constexpr uint32_t kSlots = 4096;  //!< consecutive days never collide: eleven years
  struct Slot {
    int32_t day = kNoDay;
    char text[10];
  };
  std::vector<Slot> slots_ = std::vector<Slot>(kSlots);
};

//! A day number as 'YYYY-MM-DD' text; kNoDay is NULL. False outside years 1-9999. The text is not copied:
//! it stays valid until `texts` is asked for another day, which happens only for a later row as long as
//! each date column of a table has its own DayTexts (SQLite stores a row before it reads the next).
inline bool ResultDay(sqlite3_context* context, int32_t day, DayTexts& texts) {
  if (day == kNoDay) {
    sqlite3_result_null(context);
    return true;
  }
  const char* text = texts.Text(day);
  if (text == nullptr) return false;
  sqlite3_result_text(context, text, 10, SQLITE_STATIC);
  return true;
}

}  // namespace crm::store
