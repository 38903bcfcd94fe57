#pragma once
// The byte scans under CsvReader: cutting the plain fields of a record (no quotes, one line) eight bytes
// at a time, or 32 with AVX2 where the CPU has it, and finding the next quote of a quoted field.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace crm::ingest {

//! Where a record scan stopped.
struct PlainScan {
  //! complete: the index of the record's '\n' (or the end of input); otherwise the start of the first
  //! field that holds a quote, the fields before it appended.
  size_t end;
  bool complete;  //!< the record is one line without quotes, all its fields appended
  bool ascii;     //!< the bytes before `end` (and possibly a few after) are ASCII
};

//! Appends the fields of the record that starts at `start` up to the first field that holds a quote, or
//! all of them when it is one line without quotes (the '\r' of a CRLF line end is not part of the last
//! field). Scans eight bytes at a time; runs on every CPU.
PlainScan ScanPlainRecord(std::string_view input, size_t start, std::vector<std::string_view>& fields);
//! ScanPlainRecord 32 bytes at a time with AVX2 (the same result); only on a CPU that has AVX2.
PlainScan ScanPlainRecordAvx2(std::string_view input, size_t start, std::vector<std::string_view>& fields);
//! A record scan: ScanPlainRecord or ScanPlainRecordAvx2.
using PlainScanner = PlainScan (*)(std::string_view, size_t, std::vector<std::string_view>&);
//! The record scan this CPU runs fastest, picked once.
PlainScanner BestPlainScanner();

//! The index of the next '"' at or after `pos` (npos when there is none); adds the '\n's before it to
//! `newlines`. Scans eight bytes at a time.
size_t FindQuote(std::string_view input, size_t pos, int64_t& newlines);

//! `end` moved back over a '\r' that ends a line, i.e. one just before the '\n' at `end` or before the
//! end of input.
size_t TrimLineEndCr(std::string_view input, size_t begin, size_t end);

}  // namespace crm::ingest
