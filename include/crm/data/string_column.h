#pragma once
// Compact storage for many short strings: one byte buffer plus offsets.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

//! An append-only column of strings stored back to back (ids, subjects).
class StringColumn {
 public:
  StringColumn() : offsets_{0} {}

  //! Appends one value.
  void Append(std::string_view value) {
    bytes_.append(value);
    offsets_.push_back(bytes_.size());
  }
  //! The value of row `row`; valid until the next Append.
  std::string_view operator[](size_t row) const {
    return std::string_view(bytes_).substr(offsets_[row], offsets_[row + 1] - offsets_[row]);
  }
  //! Number of rows.
  size_t size() const { return offsets_.size() - 1; }
  //! Reserves room for `rows` values totalling `bytes` bytes.
  void Reserve(size_t rows, size_t bytes) {
    offsets_.reserve(rows + 1);
    bytes_.reserve(bytes);
  }
  //! Removes the rows listed in `rows` (ascending), keeping the order of the others.
  void EraseRows(const std::vector<int32_t>& rows) {
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
  //! Bytes held, for memory accounting.
  size_t MemoryBytes() const { return bytes_.capacity() + offsets_.capacity() * sizeof(uint64_t); }

 private:
  std::string bytes_;
  std::vector<uint64_t> offsets_;
};

}  // namespace crm
