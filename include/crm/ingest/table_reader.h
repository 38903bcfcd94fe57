#pragma once
// Reads one CSV file of the CRM by column name: checks the header, maps columns in any order, trims
// values (counting what trimming changed), and reports ragged rows and invalid UTF-8 as dropped rows.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crm/common/result.h"
#include "crm/ingest/csv_reader.h"
#include "crm/ingest/import_report.h"
#include "crm/ingest/problem_log.h"

namespace crm::ingest {

//! Column-addressed rows of one file; Field(i) is the i-th of the columns asked for.
class TableReader {
 public:
  //! Opens `path`; every name in `columns` must be in the header (an Error names file and column).
  //! Header columns not asked for are ignored with a warning.
  static Result<TableReader> Open(const std::string& path, std::span<const std::string_view> columns,
                                  ProblemLog& log);

  //! Advances to the next row with the right shape; false at the end (check error()).
  bool Next();
  //! The trimmed value of the i-th requested column in the current row.
  std::string_view Field(size_t column) {
    std::string_view value = record_.fields[positions_[column]];
    if (!value.empty() && (IsBlank(value.front()) || IsBlank(value.back())))
      return TrimCounted(column, value);
    return value;
  }
  //! Line where the current row starts.
  int64_t line() const { return record_.line; }
  //! Reports a problem with the current row and counts it as dropped when `dropped`.
  void Problem(size_t column, std::string message, bool dropped = true) {
    ProblemOnLine(record_.line, column, std::move(message), dropped);
  }
  //! Reports a problem with the row that starts on `line`, read earlier.
  void ProblemOnLine(int64_t line, size_t column, std::string message, bool dropped = true);
  //! Judges rows whose id repeats an earlier row's (pairs of row and first row, from RowIndex): an exact
  //! repeat (`same(row, first)`) is counted as a removed duplicate, another is a problem on the id column
  //! `id_column`. `lines[row]` is each row's line (a vector or a LineMap), `id_of(row)` its id. Returns the
  //! rows to remove, ascending.
  template <typename Lines, typename IdOf, typename Same>
  std::vector<int32_t> JudgeRepeatedIds(const std::vector<std::pair<int32_t, int32_t>>& repeated,
                                        size_t id_column, const Lines& lines, IdOf id_of, Same same) {
    std::vector<int32_t> removed;
    for (const auto& [row, first] : repeated) {
      if (same(row, first)) {
        Duplicate();
      } else {
        ProblemOnLine(lines[row], id_column,
                      "'" + std::string(id_of(row)) + "' already appears on line " +
                          std::to_string(lines[first]) + " with different values");
      }
      removed.push_back(row);
    }
    return removed;
  }
  //! Counts a row as an exact duplicate of an earlier one, removed.
  void Duplicate() {
    ++report_.rows_dropped;
    ++duplicates_;
  }
  //! The file name used in messages.
  const std::string& name() const { return report_.name; }
  //! A fatal read error (unterminated quote), if any.
  const std::optional<Error>& error() const { return reader_.error(); }
  //! Bytes read so far and in all, for progress bars.
  size_t position() const { return reader_.position(); }
  size_t size_bytes() const { return reader_.size_bytes(); }
  //! An upper estimate of the rows left to read, for reserving memory.
  size_t EstimateRows() const { return reader_.EstimateLines(); }

  //! Splits the rows left to read in two for a second thread (see CsvReader::SplitTail): the returned
  //! reader reads the second part and reports to `tail_log`, numbering lines from 0 at the split (add
  //! line_at_split() of this reader once it stopped). nullopt when fewer than `min_bytes` are left.
  std::optional<TableReader> SplitTail(ProblemLog& tail_log, size_t min_bytes);
  //! True when this reader stopped exactly where its tail reader began: the tail's rows are the rest.
  bool StoppedAtSplit() const { return reader_.StoppedAtSplit(); }
  //! Reads on past the split to the end (when a quoted field spanned it); the tail's rows are discarded.
  void ContinueToEnd() { reader_.ContinueToEnd(); }
  //! The physical line where this reader stopped, the first line of its tail reader's part.
  int64_t line_at_split() const { return reader_.line(); }
  //! Adds the row, trimming and duplicate counts of a tail reader that read the rest of the file.
  void Absorb(const TableReader& tail);
  //! Rows read, kept (read less dropped) and dropped; adds the trimming and duplicate counts to `cleaning`.
  FileReport Finish(std::vector<CleaningEntry>& cleaning);

 private:
  TableReader(CsvReader reader, std::vector<std::string> names, std::vector<size_t> positions,
              size_t header_width, ProblemLog& log);
  static bool IsBlank(char c) { return c == ' ' || c == '\t'; }
  std::string_view TrimCounted(size_t column, std::string_view value);

  CsvReader reader_;
  CsvRecord record_;
  std::vector<std::string> names_;  //!< requested column names
  std::vector<size_t> positions_;   //!< their positions in the file
  std::vector<int64_t> trimmed_;    //!< values changed by trimming, per requested column
  size_t header_width_;
  int64_t duplicates_ = 0;
  ProblemLog* log_;
  FileReport report_;
};

}  // namespace crm::ingest
