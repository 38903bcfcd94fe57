#include "crm/ingest/csv_reader.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "crm/common/utf8.h"
#include "crm/ingest/record_scan.h"

namespace crm::ingest {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// Where reading `input` starts: after a UTF-8 byte order mark, if any.
size_t StartAfterByteOrderMark(std::string_view input) {
  return input.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
}

// `offset` rounded down to the start of its memory page.
size_t PageStart(size_t offset) {
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return offset / page * page;
}

// The description of the current errno, e.g. "No such file or directory".
std::string ErrnoMessage() { return std::system_category().message(errno); }

// The end of the field that starts at `pos`: the next ',' or '\n', or the end of input.
size_t FindFieldEnd(std::string_view input, size_t pos) {
  while (pos < input.size() && input[pos] != ',' && input[pos] != '\n') ++pos;
  return pos;
}

// The index of the first field that is not valid UTF-8, -1 when all are; `raw` is the record's input.
int FindInvalidUtf8Field(std::string_view raw, const std::vector<std::string_view>& fields) {
  // Fields are pieces of `raw` cut at ASCII bytes, so when `raw` is valid so are they.
  if (IsValidUtf8(raw)) return -1;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (!IsValidUtf8(fields[i])) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

Result<CsvReader> CsvReader::OpenFile(const std::string& path) {
  const auto failure = [&path](const std::string& reason) {
    return Error{path + ": cannot be read: " + reason};
  };
  const FileDescriptor file(open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (file.get() < 0) return failure(ErrnoMessage());
  struct stat info;
  if (fstat(file.get(), &info) != 0) return failure(ErrnoMessage());
  if (!S_ISREG(info.st_mode)) return failure("not a regular file");
  std::shared_ptr<const void> mapping;
  const auto size = static_cast<size_t>(info.st_size);
  if (size > 0) {  // mmap rejects empty mappings
    void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.get(), 0);
    if (data == MAP_FAILED) return failure(ErrnoMessage());
    madvise(data, size, MADV_SEQUENTIAL);
    mapping = std::shared_ptr<const void>(
        data, [size](const void* bytes) { munmap(const_cast<void*>(bytes), size); });
  }
  const std::string_view input(static_cast<const char*>(mapping.get()), size);
  return CsvReader(std::filesystem::path(path).filename().string(), std::move(mapping), input, true,
                   StartAfterByteOrderMark(input), 1);
}

CsvReader CsvReader::FromString(std::string contents, std::string name) {
  auto owned = std::make_shared<const std::string>(std::move(contents));
  const std::string_view input(*owned);
  return CsvReader(std::move(name), std::move(owned), input, false, StartAfterByteOrderMark(input), 1);
}

CsvReader::CsvReader(std::string name, std::shared_ptr<const void> owner, std::string_view input, bool mapped,
                     size_t position, int64_t line)
    : name_(std::move(name)),
      owner_(std::move(owner)),
      input_(input),
      mapped_(mapped),
      position_(position),
      released_(PageStart(position)),
      line_(line) {}

CsvReader::CsvReader(CsvReader&& other) noexcept { *this = std::move(other); }

CsvReader& CsvReader::operator=(CsvReader&& other) noexcept {
  if (this == &other) return *this;
  name_ = std::move(other.name_);
  owner_ = std::move(other.owner_);
  input_ = std::exchange(other.input_, {});
  mapped_ = std::exchange(other.mapped_, false);
  position_ = std::exchange(other.position_, 0);
  stop_ = std::exchange(other.stop_, kNoStop);
  released_ = std::exchange(other.released_, 0);
  line_ = std::exchange(other.line_, 1);
  error_ = std::exchange(other.error_, std::nullopt);
  scratch_ = std::move(other.scratch_);
  scratch_used_ = std::exchange(other.scratch_used_, 0);
  return *this;
}

std::optional<CsvReader> CsvReader::SplitTail(size_t min_bytes) {
  const size_t end = std::min(stop_, input_.size());
  if (position_ >= end || end - position_ < std::max<size_t>(min_bytes, 2)) return std::nullopt;
  const size_t newline = input_.find('\n', position_ + (end - position_) / 2);
  if (newline == std::string_view::npos || newline + 1 >= end) return std::nullopt;
  const size_t split = newline + 1;
  CsvReader tail(name_, owner_, input_.substr(0, end), mapped_, split, 0);
  stop_ = split;
  return tail;
}

void CsvReader::ReleaseConsumed() {
  constexpr size_t kReleaseStep = size_t{4} << 20;
  if (!mapped_ || position_ - released_ < kReleaseStep) return;
  const size_t end = PageStart(position_);
  madvise(const_cast<char*>(input_.data()) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

size_t CsvReader::EstimateLines() const {
  const size_t end = std::min(stop_, input_.size());
  const size_t begin = std::min(position_, end);
  const std::string_view sample = input_.substr(begin, std::min(end - begin, size_t{1} << 20));
  const size_t lines = static_cast<size_t>(std::count(sample.begin(), sample.end(), '\n')) + 1;
  return static_cast<size_t>(static_cast<double>(lines) * static_cast<double>(end - begin) /
                             static_cast<double>(std::max<size_t>(sample.size(), 1)) * 1.15) +
         16;
}

bool CsvReader::Next(CsvRecord& record) {
  record.invalid_utf8_field = -1;
  scratch_used_ = 0;
  ReleaseConsumed();
  const std::string_view input = input_;
  const size_t end = std::min(stop_, input.size());
  while (!error_ && position_ < end) {
    const size_t start = position_;
    record.fields.clear();
    record.line = line_;
    const PlainScan scan = BestPlainScanner()(input, start, record.fields);
    if (scan.complete) {  // the fast path: one line, no quotes
      position_ = std::min(scan.end + 1, input.size());
      ++line_;
      if (record.fields.size() == 1 && record.fields[0].empty()) continue;  // a blank line
    } else if (!ParseRecord(input, scan.end, record)) {  // from the first field with a quote
      break;
    }
    // Only bytes not known to be ASCII need the UTF-8 check; fields are cut at ASCII bytes.
    const size_t unchecked = !scan.ascii ? start : scan.complete ? position_ : scan.end;
    if (unchecked < position_) {
      record.invalid_utf8_field =
          FindInvalidUtf8Field(input.substr(unchecked, position_ - unchecked), record.fields);
    }
    return true;
  }
  record.fields.clear();
  return false;
}

bool CsvReader::ParseRecord(std::string_view input, size_t pos, CsvRecord& record) {
  for (;;) {
    if (pos < input.size() && input[pos] == '"') {
      if (!ParseQuotedField(input, pos, record.fields)) return false;
    } else {  // unquoted: a quote inside is kept literally
      const size_t end = FindFieldEnd(input, pos);
      record.fields.push_back(input.substr(pos, TrimLineEndCr(input, pos, end) - pos));
      pos = end;
    }
    if (pos == input.size() || input[pos] == '\n') break;
    ++pos;  // the comma
  }
  if (pos < input.size()) {  // the newline
    ++pos;
    ++line_;
  }
  position_ = pos;
  return true;
}

bool CsvReader::ParseQuotedField(std::string_view input, size_t& pos, std::vector<std::string_view>& fields) {
  const int64_t open_line = line_;
  const size_t content = pos + 1;
  std::string* unescaped = nullptr;  // set once an escaped quote is seen
  size_t chunk = content;            // start of the text not yet copied to `unescaped`
  size_t close;
  for (;;) {
    close = FindQuote(input, chunk, line_);
    if (close == std::string_view::npos) {
      FailUnterminated(open_line);
      return false;
    }
    if (close + 1 == input.size() || input[close + 1] != '"') break;
    if (unescaped == nullptr) unescaped = &NextScratch();
    unescaped->append(input.data() + chunk, close + 1 - chunk);  // up to and including one quote
    chunk = close + 2;
  }
  // Text between the closing quote and the separator is not RFC 4180; keep it literally.
  const size_t end = FindFieldEnd(input, close + 1);
  const size_t rest_end = TrimLineEndCr(input, close + 1, end);
  if (unescaped == nullptr && rest_end == close + 1) {
    fields.push_back(input.substr(content, close - content));
  } else {
    if (unescaped == nullptr) unescaped = &NextScratch();
    unescaped->append(input.data() + chunk, close - chunk);
    unescaped->append(input.data() + close + 1, rest_end - (close + 1));
    fields.push_back(*unescaped);
  }
  pos = end;
  return true;
}

std::string& CsvReader::NextScratch() {
  if (scratch_used_ == scratch_.size()) scratch_.emplace_back();
  std::string& scratch = scratch_[scratch_used_++];
  scratch.clear();
  return scratch;
}

void CsvReader::FailUnterminated(int64_t line) {
  error_ = Error{name_ + ":" + std::to_string(line) + ": unterminated quoted field"};
}

}  // namespace crm::ingest
