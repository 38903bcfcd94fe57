#include "zip_entries.h"

#include <zlib.h>

#include <cstdint>

namespace crm::exports::test {

namespace {

uint32_t Read(const std::string& bytes, size_t at, int width) {
  uint32_t value = 0;
  for (int i = width - 1; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  return value;
}

Result<std::string> Inflate(const std::string& compressed, size_t size) {
  std::string out(size, '\0');
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return Error{"inflateInit2 failed"};
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&stream, Z_FINISH);
  inflateEnd(&stream);
  if (status != Z_STREAM_END || stream.total_out != size) return Error{"bad deflate data"};
  return out;
}

}  // namespace

Result<std::map<std::string, std::string>> ZipEntries(const std::string& bytes) {
  if (bytes.size() < 22 || bytes.compare(0, 4, "PK\x03\x04") != 0) return Error{"not a zip archive"};
  size_t end = bytes.size() - 22;
  while (end > 0 && Read(bytes, end, 4) != 0x06054b50) --end;
  if (Read(bytes, end, 4) != 0x06054b50) return Error{"no end of central directory"};
  const uint32_t count = Read(bytes, end + 10, 2);
  size_t at = Read(bytes, end + 16, 4);
  std::map<std::string, std::string> entries;
  for (uint32_t i = 0; i < count; ++i) {
    if (at + 46 > bytes.size() || Read(bytes, at, 4) != 0x02014b50) return Error{"bad central directory"};
    const uint32_t method = Read(bytes, at + 10, 2);
    const uint32_t compressed = Read(bytes, at + 20, 4), size = Read(bytes, at + 24, 4);
    const uint32_t name_length = Read(bytes, at + 28, 2);
    const uint32_t extra = Read(bytes, at + 30, 2), comment = Read(bytes, at + 32, 2);
    const size_t local = Read(bytes, at + 42, 4);
    const std::string name = bytes.substr(at + 46, name_length);
    at += 46 + name_length + extra + comment;
    if (local + 30 > bytes.size() || Read(bytes, local, 4) != 0x04034b50) return Error{"bad local header"};
    const size_t data = local + 30 + Read(bytes, local + 26, 2) + Read(bytes, local + 28, 2);
    if (data + compressed > bytes.size()) return Error{"truncated entry " + name};
    const std::string raw = bytes.substr(data, compressed);
    if (method == 0) {
      entries[name] = raw;
    } else if (method == 8) {
      auto inflated = Inflate(raw, size);
      if (!inflated.ok()) return Error{name + ": " + inflated.error().message};
      entries[name] = std::move(inflated).value();
    } else {
      return Error{name + ": unknown compression method"};
    }
  }
  return entries;
}

}  // namespace crm::exports::test
