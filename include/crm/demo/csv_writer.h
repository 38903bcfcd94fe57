#pragma once
// Fast CSV output: fields appended to a large buffer, RFC 4180 quoting, CRLF row ends like the real files.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::demo {

//! A CSV file written through a large buffer; separators are added automatically between fields.
class CsvWriter {
 public:
  //! Creates or truncates the file at `path`; the Error names the file.
  static Result<CsvWriter> Create(const std::string& path);
  //! Takes over the file and buffer of `other`.
  CsvWriter(CsvWriter&& other) noexcept;
  CsvWriter& operator=(CsvWriter&&) = delete;
  //! Closes the file when Close() was not called (a failure is then lost).
  ~CsvWriter();

  //! Appends a text field, quoted when it holds a comma, a quote, CR or LF.
  void Text(std::string_view text);
  //! Appends an integer field.
  void Integer(int64_t value);
  //! Appends a YYYY-MM-DD field.
  void Date(int32_t day);
  //! Appends a non-negative amount given in hundredths with trailing zero decimals dropped: 1100.04, 4269.9,
  //! 4618.
  void Hundredths(int64_t value);
  //! Appends an empty field.
  void Empty() { Separate(); }
  //! Ends the row with CRLF.
  void EndRow();
  //! Writes what is buffered and closes the file; the Error names the file when any write failed.
  Status Close();

 private:
  CsvWriter(std::string path, int fd);
  // Makes room for `bytes` more bytes in the buffer.
  void Reserve(size_t bytes) {
    if (used_ + bytes > kCapacity) Flush();
  }
  void Separate() {
    Reserve(1);
    if (!at_row_start_) buffer_[used_++] = ',';
    at_row_start_ = false;
  }
  void Append(std::string_view text);
  void Flush();

  static constexpr size_t kCapacity = size_t{1} << 22;
  std::string path_;
  int fd_;
  std::unique_ptr<char[]> buffer_;
  size_t used_ = 0;
  bool at_row_start_ = true;
  std::string error_;  // the first failure, empty while all is well
};

}  // namespace crm::demo
