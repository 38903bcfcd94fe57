// StringColumn: reservation, appending a column, erasing rows, and the switch from fixed-width values to
// offsets.
#include "crm/data/string_column.h"

#include <algorithm>

namespace crm {

void StringColumn::Reserve(size_t rows, size_t bytes) {
  reserved_rows_ = std::max(reserved_rows_, rows);
  bytes_.reserve(bytes);
  if (!offsets_.empty()) offsets_.reserve(rows + 1);
}

void StringColumn::AppendAll(const StringColumn& other) {
  const bool same_width =
      offsets_.empty() && other.offsets_.empty() && (rows_ == 0 || width_ == other.width_);
  if (!same_width || other.rows_ == 0) {
    for (size_t row = 0; row < other.size(); ++row) Append(other[row]);
    return;
  }
  width_ = other.width_;  // fixed-width values of one width: their bytes follow ours
  bytes_.append(other.bytes_);
  rows_ += other.rows_;
}

void StringColumn::EraseRows(const std::vector<int32_t>& rows) {
  StringColumn kept;
  kept.Reserve(size() - rows.size(), bytes_.size());
  size_t next = 0;
  for (size_t row = 0; row < size(); ++row) {
    if (next < rows.size() && static_cast<size_t>(rows[next]) == row) {
      ++next;
    } else {
      kept.Append((*this)[row]);
    }
  }
  *this = std::move(kept);
}

void StringColumn::SpellOutOffsets() {
  offsets_.reserve(std::max(reserved_rows_, rows_ + 1) + 1);
  for (size_t row = 0; row <= rows_; ++row) offsets_.push_back(row * width_);
}

}  // namespace crm
