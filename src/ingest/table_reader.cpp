#include "crm/ingest/table_reader.h"

#include <filesystem>

#include "crm/ingest/text_cleaning.h"

namespace crm::ingest {

Result<TableReader> TableReader::Open(const std::string& path, std::span<const std::string_view> columns,
                                      ProblemLog& log) {
  auto reader = CsvReader::OpenFile(path);
  if (!reader.ok()) return reader.error();
  const std::string file = reader->name();
  CsvRecord header;
  if (!reader->Next(header)) {
    if (reader->error()) return *reader->error();
    return Error{file + ":1: the file is empty; expected a header with " + std::string(columns.front())};
  }
  if (header.invalid_utf8_field >= 0) return Error{file + ":1: the header is not valid UTF-8"};
  std::vector<std::string> header_names;
  for (std::string_view name : header.fields) header_names.push_back(ToLowerAscii(Trim(name)));
  std::vector<size_t> positions;
  std::vector<bool> used(header_names.size(), false);
  for (std::string_view column : columns) {
    size_t position = 0;
    while (position < header_names.size() && header_names[position] != column) ++position;
    if (position == header_names.size()) {
      return Error{file + ":1: missing required column '" + std::string(column) + "'"};
    }
    used[position] = true;
    positions.push_back(position);
  }
  for (size_t i = 0; i < header_names.size(); ++i) {
    if (!used[i])
      log.Warn(file + ": column '" + std::string(Trim(header.fields[i])) + "' is not used and was ignored");
  }
  std::vector<std::string> names(columns.begin(), columns.end());
  const size_t width = header_names.size();
  return TableReader(std::move(*reader), std::move(names), std::move(positions), width, log);
}

TableReader::TableReader(CsvReader reader, std::vector<std::string> names, std::vector<size_t> positions,
                         size_t header_width, ProblemLog& log)
    : reader_(std::move(reader)),
      names_(std::move(names)),
      positions_(std::move(positions)),
      trimmed_(names_.size(), 0),
      header_width_(header_width),
      log_(&log) {
  report_.name = reader_.name();
}

bool TableReader::Next() {
  while (reader_.Next(record_)) {
    ++report_.rows_read;
    if (record_.fields.size() != header_width_) {
      ++report_.rows_dropped;
      log_->Row(report_.name, record_.line, "",
                "expected " + std::to_string(header_width_) + " fields, found " +
                    std::to_string(record_.fields.size()),
                true);
      continue;
    }
    if (record_.invalid_utf8_field >= 0) {
      ++report_.rows_dropped;
      log_->Row(report_.name, record_.line, "",
                "field " + std::to_string(record_.invalid_utf8_field + 1) + " is not valid UTF-8", true);
      continue;
    }
    return true;
  }
  return false;
}

void TableReader::ProblemOnLine(int64_t line, size_t column, std::string message, bool dropped) {
  if (dropped) ++report_.rows_dropped;
  log_->Row(report_.name, line, names_[column], std::move(message), dropped);
}

std::optional<TableReader> TableReader::SplitTail(ProblemLog& tail_log, size_t min_bytes) {
  std::optional<CsvReader> tail = reader_.SplitTail(min_bytes);
  if (!tail) return std::nullopt;
  return TableReader(std::move(*tail), names_, positions_, header_width_, tail_log);
}

void TableReader::Absorb(const TableReader& tail) {
  report_.rows_read += tail.report_.rows_read;
  report_.rows_dropped += tail.report_.rows_dropped;
  for (size_t column = 0; column < trimmed_.size(); ++column) trimmed_[column] += tail.trimmed_[column];
  duplicates_ += tail.duplicates_;
}

std::string_view TableReader::TrimCounted(size_t column, std::string_view value) {
  ++trimmed_[column];
  return Trim(value);
}

FileReport TableReader::Finish(std::vector<CleaningEntry>& cleaning) {
  report_.rows_kept = report_.rows_read - report_.rows_dropped;
  for (size_t column = 0; column < names_.size(); ++column) {
    if (trimmed_[column] > 0) {
      cleaning.push_back(
          {"trim", report_.name, names_[column], "leading or trailing spaces", "trimmed", trimmed_[column]});
    }
  }
  if (duplicates_ > 0) {
    cleaning.push_back({"duplicate_row", report_.name, "(whole row)", "exact duplicate of an earlier row",
                        "removed", duplicates_});
  }
  return report_;
}

}  // namespace crm::ingest
