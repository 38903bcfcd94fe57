#pragma once
// RFC 4180 CSV reading straight out of a memory-mapped file, one record at a time.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crm/common/result.h"

namespace crm::ingest {

namespace internal {
//! Unmaps a file mapping of `size` bytes (the deleter of CsvReader's mapping).
struct Unmapper {
  size_t size = 0;
  void operator()(const char* data) const;
};
}  // namespace internal

//! One record (row) of a CSV file.
struct CsvRecord {
  std::vector<std::string_view> fields;  //!< the fields, unquoted and unescaped; valid until the next Next()
  int64_t line = 0;                      //!< 1-based physical line where the record starts (header is line 1)
  int invalid_utf8_field = -1;  //!< index of the first field that is not valid UTF-8, -1 when all are
};

//! Reads RFC 4180 CSV from a memory-mapped file or a string.
//! Fields are views into the input except those with `""` escapes, which live in a buffer of the reader;
//! moving a reader built by FromString invalidates the views of its current record.
class CsvReader {
 public:
  //! Opens and memory-maps a file; Error "<path>: cannot be read: <reason>" otherwise. An empty file is fine.
  static Result<CsvReader> OpenFile(const std::string& path);
  //! Reads from an in-memory string; `name` is used in error messages.
  static CsvReader FromString(std::string contents, std::string name);

  //! Takes over the input and position of `other`, which is left empty (its Next() returns false).
  CsvReader(CsvReader&& other) noexcept;
  //! Releases this reader's input and takes over that of `other`, which is left empty.
  CsvReader& operator=(CsvReader&& other) noexcept;
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  //! The file name used in messages (the path's last component).
  const std::string& name() const { return name_; }
  //! Reads the next record; false at the end of input or after a fatal error (see error()).
  bool Next(CsvRecord& record);
  //! The fatal error that stopped reading, if any, e.g. "accounts.csv:12: unterminated quoted field".
  const std::optional<Error>& error() const { return error_; }
  //! An upper estimate of the number of lines, from the line length in the first megabyte (for
  //! reserving memory: reserved pages cost nothing until they are written).
  size_t EstimateLines() const;
  //! Total bytes and bytes consumed so far (for progress bars).
  size_t size_bytes() const { return Input().size(); }
  size_t position() const { return position_; }

 private:
  using Mapping = std::unique_ptr<const char, internal::Unmapper>;

  CsvReader(std::string name, std::string contents, Mapping mapping);

  //! The bytes being read: the mapping, or the owned string.
  std::string_view Input() const;
  //! Parses a record that contains quotes, starting at position_; false (and error_ set) on a fatal error.
  bool ParseRecord(std::string_view input, CsvRecord& record);
  //! Parses the quoted field that starts at `pos` and moves `pos` to the field's end; false on a fatal error.
  bool ParseQuotedField(std::string_view input, size_t& pos, std::vector<std::string_view>& fields);
  //! An empty scratch string for an unescaped field, kept in place until the next record.
  std::string& NextScratch();
  //! Lets the kernel drop the mapped pages of records already read, so that reading a large file does
  //! not keep it all resident (the views of earlier records are invalid anyway).
  void ReleaseConsumed();
  //! Records the "unterminated quoted field" error for a field opened on `line`.
  void FailUnterminated(int64_t line);

  std::string name_;
  std::string contents_;  // the input when read from a string
  Mapping mapping_;       // the input when read from a file
  size_t position_ = 0;
  size_t released_ = 0;  // bytes at the start of the mapping already given back to the kernel
  int64_t line_ = 1;  // physical line at position_
  std::optional<Error> error_;
  std::deque<std::string> scratch_;  // a deque: growing it never moves the strings views point into
  size_t scratch_used_ = 0;
};

}  // namespace crm::ingest
