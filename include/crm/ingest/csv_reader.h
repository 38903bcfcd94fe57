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

//! One record (row) of a CSV file.
struct CsvRecord {
  std::vector<std::string_view> fields;  //!< the fields, unquoted and unescaped; valid until the next Next()
  int64_t line = 0;                      //!< 1-based physical line where the record starts (header is line 1)
  int invalid_utf8_field = -1;  //!< index of the first field that is not valid UTF-8, -1 when all are
};

//! Reads RFC 4180 CSV from a memory-mapped file or a string.
//! Fields are views into the input except those with `""` escapes, which live in a buffer of the reader.
//! A reader can hand the second half of its input to another reader (SplitTail) so that two threads
//! parse one file.
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
  //! An upper estimate of the lines left to read, from the line length in the next megabyte (for
  //! reserving memory: reserved pages cost nothing until they are written).
  size_t EstimateLines() const;
  //! Total bytes and bytes consumed so far (for progress bars).
  size_t size_bytes() const { return input_.size(); }
  size_t position() const { return position_; }
  //! The line at position().
  int64_t line() const { return line_; }

  //! Splits the unread input in two near its middle, at the start of a physical line: returns a reader
  //! of the second part and makes this one stop (Next() returns false) at the first record that starts
  //! at or after that point. The new reader counts lines from 0 at the split: add this reader's line()
  //! once it stopped. nullopt when the unread input is shorter than `min_bytes` or has no line break.
  //! The split is a guess: a quoted field may span it. Only when StoppedAtSplit() are the two readers'
  //! records those of one reader; otherwise call ContinueToEnd() and discard the other reader's records.
  std::optional<CsvReader> SplitTail(size_t min_bytes);
  //! True when this reader stopped exactly at the point given to its tail reader.
  bool StoppedAtSplit() const { return stop_ != kNoStop && position_ == stop_; }
  //! Removes the stop set by SplitTail: Next() reads on to the end of the input.
  void ContinueToEnd() { stop_ = kNoStop; }

 private:
  static constexpr size_t kNoStop = std::string_view::npos;

  //! A reader of `input`, which `owner` keeps alive (a mapping or a string), from `position`.
  CsvReader(std::string name, std::shared_ptr<const void> owner, std::string_view input, bool mapped,
            size_t position, int64_t line);
  //! Parses the rest of a record that contains quotes, from the field that starts at `pos` (the fields
  //! before it are in `record`), and moves position_ past it; false (and error_ set) on a fatal error.
  bool ParseRecord(std::string_view input, size_t pos, CsvRecord& record);
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
  std::shared_ptr<const void> owner_;  // the mapping or the string, shared with a tail reader
  std::string_view input_;
  bool mapped_ = false;
  size_t position_ = 0;
  size_t stop_ = kNoStop;  // Next() returns false at a record that starts at or after this offset
  size_t released_ = 0;    // bytes at the start of the mapping already given back to the kernel
  int64_t line_ = 1;       // physical line at position_
  std::optional<Error> error_;
  std::deque<std::string> scratch_;  // a deque: growing it never moves the strings views point into
  size_t scratch_used_ = 0;
};

}  // namespace crm::ingest
