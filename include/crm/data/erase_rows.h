#pragma once
// Removing a few rows from a column while keeping the order of the rest, and moving all of another
// column's rows after a column's.

#include <cstdint>
#include <vector>

namespace crm {

//! Removes the entries at the positions in `rows` (ascending) from `values`.
template <typename T>
void EraseRowsFrom(std::vector<T>& values, const std::vector<int32_t>& rows) {
  size_t next = 0, out = 0;
  for (size_t row = 0; row < values.size(); ++row) {
    if (next < rows.size() && static_cast<size_t>(rows[next]) == row) {
      ++next;
    } else {
      values[out++] = values[row];
    }
  }
  values.resize(out);
}

//! Appends the entries of `tail` to `values` and releases the tail's memory.
template <typename T>
void MoveRowsFrom(std::vector<T>& values, std::vector<T>& tail) {
  values.insert(values.end(), tail.begin(), tail.end());
  std::vector<T>().swap(tail);
}

}  // namespace crm
