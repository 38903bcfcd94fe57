#pragma once
// Compact storage for many short strings: one byte buffer, plus offsets only once the values differ in
// length (ids of one fixed width, the common case, cost their bytes and nothing more).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crm {

//! An append-only column of strings stored back to back (ids, subjects).
class StringColumn {
 public:
  //! Appends one value.
  void Append(std::string_view value) {
    if (offsets_.empty() && value.size() != width_) {
      if (rows_ == 0) {
        width_ = value.size();
      } else {
        SpellOutOffsets();
      }
    }
    bytes_.append(value);
    ++rows_;
    if (!offsets_.empty()) offsets_.push_back(bytes_.size());
  }
  //! Appends every value of `other`, in order.
  void AppendAll(const StringColumn& other);
  //! The value of row `row`; valid until the next Append.
  std::string_view operator[](size_t row) const {
    if (offsets_.empty()) return std::string_view(bytes_).substr(row * width_, width_);
    return std::string_view(bytes_).substr(offsets_[row], offsets_[row + 1] - offsets_[row]);
  }
  //! Number of rows.
  size_t size() const { return rows_; }
  //! Reserves room for `rows` values totalling `bytes` bytes (offsets are reserved when first needed).
  void Reserve(size_t rows, size_t bytes);
  //! Removes the rows listed in `rows` (ascending), keeping the order of the others.
  void EraseRows(const std::vector<int32_t>& rows);
  //! Bytes held, for memory accounting.
  size_t MemoryBytes() const { return bytes_.capacity() + offsets_.capacity() * sizeof(uint64_t); }

 private:
  //! Leaves the fixed-width form: writes the offset of every value so far (a value of another width
  //! comes next).
  void SpellOutOffsets();

  std::string bytes_;
  size_t rows_ = 0;
  size_t reserved_rows_ = 0;
  //! While `offsets_` is empty, every value is `width_` bytes long; after, row r is
  //! bytes_[offsets_[r], offsets_[r + 1]).
  size_t width_ = 0;
  std::vector<uint64_t> offsets_;
};

}  // namespace crm
