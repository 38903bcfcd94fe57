#include "crm/demo/csv_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <utility>

#include "crm/common/date.h"

namespace crm::demo {

namespace {

// True when RFC 4180 requires quotes around `text` (a plain loop: find_first_of is far slower here).
bool NeedsQuotes(std::string_view text) {
  for (char c : text) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') return true;
  }
  return false;
}

}  // namespace

Result<CsvWriter> CsvWriter::Create(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Error{"cannot create " + path + ": " + std::strerror(errno)};
  return CsvWriter(path, fd);
}

CsvWriter::CsvWriter(std::string path, int fd)
    : path_(std::move(path)), fd_(fd), buffer_(std::make_unique<char[]>(kCapacity)) {}

CsvWriter::CsvWriter(CsvWriter&& other) noexcept
    : path_(std::move(other.path_)),
      fd_(std::exchange(other.fd_, -1)),
      buffer_(std::move(other.buffer_)),
      used_(std::exchange(other.used_, 0)),
      at_row_start_(other.at_row_start_),
      error_(std::move(other.error_)) {}

CsvWriter::~CsvWriter() {
  if (fd_ >= 0) (void)Close();
}

void CsvWriter::Text(std::string_view text) {
  Separate();
  if (!NeedsQuotes(text)) {
    Append(text);
    return;
  }
  Append("\"");
  for (size_t start = 0;;) {
    const size_t quote = text.find('"', start);
    Append(text.substr(start, quote == std::string_view::npos ? quote : quote + 1 - start));
    if (quote == std::string_view::npos) break;
    Append("\"");  // a quote inside a quoted field is doubled
    start = quote + 1;
  }
  Append("\"");
}

void CsvWriter::Integer(int64_t value) {
  Separate();
  Reserve(20);
  used_ = static_cast<size_t>(std::to_chars(&buffer_[used_], &buffer_[used_ + 20], value).ptr - &buffer_[0]);
}

void CsvWriter::Date(int32_t day) {
  Separate();
  Reserve(10);
  const CivilDate date = CivilFromDays(day);
  char* out = &buffer_[used_];
  out[0] = static_cast<char>('0' + date.year / 1000 % 10);
  out[1] = static_cast<char>('0' + date.year / 100 % 10);
  out[2] = static_cast<char>('0' + date.year / 10 % 10);
  out[3] = static_cast<char>('0' + date.year % 10);
  out[4] = '-';
  out[5] = static_cast<char>('0' + date.month / 10);
  out[6] = static_cast<char>('0' + date.month % 10);
  out[7] = '-';
  out[8] = static_cast<char>('0' + date.day / 10);
  out[9] = static_cast<char>('0' + date.day % 10);
  used_ += 10;
}

void CsvWriter::Hundredths(int64_t value) {
  Integer(value / 100);
  const int64_t cents = value % 100;
  if (cents == 0) return;
  const char decimals[3] = {'.', static_cast<char>('0' + cents / 10), static_cast<char>('0' + cents % 10)};
  Append(std::string_view(decimals, cents % 10 == 0 ? 2 : 3));
}

void CsvWriter::EndRow() {
  Append("\r\n");
  at_row_start_ = true;
}

Status CsvWriter::Close() {
  Flush();
  if (fd_ >= 0 && ::close(fd_) != 0 && error_.empty()) error_ = std::strerror(errno);
  fd_ = -1;
  if (!error_.empty()) return Error{"cannot write " + path_ + ": " + error_};
  return Status::Ok();
}

void CsvWriter::Append(std::string_view text) {
  if (text.size() > kCapacity) {
    Flush();
    for (size_t start = 0; start < text.size(); start += kCapacity) Append(text.substr(start, kCapacity));
    return;
  }
  Reserve(text.size());
  std::memcpy(&buffer_[used_], text.data(), text.size());
  used_ += text.size();
}

void CsvWriter::Flush() {
  for (size_t written = 0; written < used_ && error_.empty() && fd_ >= 0;) {
    const ssize_t result = ::write(fd_, &buffer_[written], used_ - written);
    if (result >= 0) {
      written += static_cast<size_t>(result);
    } else if (errno != EINTR) {
      error_ = std::strerror(errno);
    }
  }
  used_ = 0;
}

}  // namespace crm::demo
