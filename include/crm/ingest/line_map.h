#pragma once
// The source line of each row of a large file, in a few bytes: rows mostly sit on consecutive lines, so
// only the rows where that run breaks (a dropped row, a blank line, a field with line breaks) are kept.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace crm::ingest {

//! Maps row numbers (added in ascending order) to the line where each row starts.
class LineMap {
 public:
  //! Records that `row`, the next row, starts on `line`.
  void Add(int64_t row, int64_t line) {
    if (runs_.empty() || line != runs_.back().line + (row - runs_.back().row)) runs_.push_back({row, line});
  }
  //! The line of `row`, one of the rows added.
  int64_t operator[](int64_t row) const {
    const auto after = std::upper_bound(runs_.begin(), runs_.end(), row,
                                        [](int64_t r, const Run& run) { return r < run.row; });
    const Run& run = *(after - 1);
    return run.line + (row - run.row);
  }
  //! The map of the rows left when the rows listed in `rows` (ascending) are removed, renumbered from 0.
  LineMap WithoutRows(const std::vector<int32_t>& rows, int64_t row_count) const {
    LineMap kept;
    size_t next = 0;
    for (int64_t row = 0, kept_row = 0; row < row_count; ++row) {
      if (next < rows.size() && rows[next] == row) {
        ++next;
      } else {
        kept.Add(kept_row++, (*this)[row]);
      }
    }
    return kept;
  }
  //! Adds the rows of `tail`, a map of a later part of the file, as rows from `row_offset` on lines
  //! from `line_offset` on.
  void Append(const LineMap& tail, int64_t row_offset, int64_t line_offset) {
    for (const Run& run : tail.runs_) Add(run.row + row_offset, run.line + line_offset);
  }

 private:
  //! Rows from `row` on sit on consecutive lines from `line` on (until the next run).
  struct Run {
    int64_t row;
    int64_t line;
  };
  std::vector<Run> runs_;
};

}  // namespace crm::ingest
