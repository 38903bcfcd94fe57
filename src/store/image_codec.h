#pragma once
// The byte-level encoding of the dataset image (internal to the store): little-endian values appended to
// a byte string and read back with bounds checks, integer columns packed to the narrowest width that holds
// them, and a fast 64-bit checksum.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace crm::store::image {

//! A 64-bit checksum computed piece by piece (xxHash64-style rounds over four lanes; not cryptographic: it
//! detects damage, not tampering). Several times faster than reading the bytes out of SQLite.
class Checksum {
 public:
  //! Adds the next `size` bytes (pieces of any length give the checksum of their concatenation).
  void Update(const void* data, size_t size);
  //! The checksum of everything added.
  uint64_t Final() const;

  //! The checksum of one buffer.
  static uint64_t Of(const void* data, size_t size) {
    Checksum checksum;
    checksum.Update(data, size);
    return checksum.Final();
  }

 private:
  void Stripe(const unsigned char* at);  //!< mixes 32 bytes into the lanes

  uint64_t lanes_[4] = {0x9E3779B185EBCA87ull + 0xC2B2AE3D27D4EB4Full, 0xC2B2AE3D27D4EB4Full, 0,
                        0 - 0x9E3779B185EBCA87ull};
  uint64_t total_ = 0;
  unsigned char tail_[32] = {};  //!< bytes of a stripe not yet complete
  size_t tail_size_ = 0;
};

//! Appends values to a byte string, little-endian, with no padding or alignment.
class Writer {
 public:
  //! Appends the raw bytes of a trivially copyable value.
  template <typename T>
  void Put(T value) {
    bytes_.append(reinterpret_cast<const char*>(&value), sizeof value);
  }
  //! Appends `size` raw bytes.
  void PutBytes(const void* data, size_t size) { bytes_.append(static_cast<const char*>(data), size); }
  //! Appends a string as its length (uint64) and bytes.
  void PutString(std::string_view text);
  //! Appends `count` integers given by `value_of(i)`, packed: the smallest value other than `missing` as
  //! the base, then each value as 0 for `missing` or 1 + (value - base), in the fewest of 1, 2, 4 or 8
  //! bytes that hold them all, or in none when every value is the same. The values and `missing` must not
  //! span the whole int64 range (the store packs int32 columns).
  template <typename ValueOf>
  void PutIntegers(size_t count, int64_t missing, ValueOf value_of);

  //! The bytes written so far.
  std::string& bytes() { return bytes_; }

 private:
  template <typename Unsigned, typename ValueOf>
  void PutPacked(size_t count, int64_t missing, int64_t base, ValueOf value_of);

  std::string bytes_;
};

//! Where a Reader gets its bytes: a stream read front to back in pieces.
class Source {
 public:
  virtual ~Source() = default;
  //! Copies the next bytes into `into` (at most `size`, at least one unless the stream has ended) and
  //! returns how many; 0 at the end of the stream or after a failure.
  virtual size_t Read(char* into, size_t size) = 0;
  //! Bytes not yet read.
  virtual uint64_t Remaining() const = 0;
};

//! A Source over bytes in memory.
class MemorySource : public Source {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* into, size_t size) override {
    const size_t count = std::min(size, bytes_.size());
    std::memcpy(into, bytes_.data(), count);
    bytes_.remove_prefix(count);
    return count;
  }
  uint64_t Remaining() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

//! Reads what a Writer wrote from a Source, through a small window that is reused, so that a large
//! image is never held twice in memory. Every read past the end, and every value outside the range a
//! caller allows, marks the reader failed; the values read are then meaningless, never out of bounds.
class Reader {
 public:
  explicit Reader(Source& source) : source_(source), window_(kWindowBytes) {}
  //! False once a read failed.
  bool ok() const { return ok_; }
  //! True when the whole stream has been read (and nothing failed).
  bool AtEnd() const { return ok_ && begin_ == end_ && source_.Remaining() == 0; }
  //! Bytes not yet read.
  uint64_t Remaining() const { return (end_ - begin_) + source_.Remaining(); }

  //! Reads a trivially copyable value.
  template <typename T>
  T Get() {
    T value{};
    if (const char* at = Take(sizeof value)) std::memcpy(&value, at, sizeof value);
    return value;
  }
  //! A view of the next `size` bytes (empty on failure), valid until the next read.
  std::string_view GetBytes(size_t size) {
    const char* at = Take(size);
    return at == nullptr ? std::string_view() : std::string_view(at, size);
  }
  //! Reads a string written by PutString; valid until the next read.
  std::string_view GetString() { return GetBytes(Get<uint64_t>()); }
  //! Reads `count` integers written by PutIntegers with the same `missing` into `out` (resized), failing
  //! when one (`missing` included) lies outside [low, high].
  template <typename T>
  void GetIntegers(size_t count, int64_t missing, int64_t low, int64_t high, std::vector<T>& out);
  //! Reads `count` values written raw (one PutBytes of `count` T) into `out` (resized).
  template <typename T>
  void GetArray(size_t count, std::vector<T>& out);
  //! Marks the reader failed (for a value the caller finds invalid).
  void Fail() { ok_ = false; }

 private:
  static constexpr size_t kWindowBytes = size_t{256} << 10;

  //! The next `size` bytes, contiguous; null on failure.
  const char* Take(size_t size) {
    if (!ok_) return nullptr;
    if (size > static_cast<size_t>(end_ - begin_) && !Refill(size)) {
      ok_ = false;
      return nullptr;
    }
    const char* at = window_.data() + begin_;
    begin_ += size;
    return at;
  }
  //! Makes at least `size` bytes available; false when the stream ends first.
  bool Refill(size_t size);
  template <typename Unsigned, typename T>
  void GetPacked(size_t count, int64_t missing, int64_t base, int64_t low, int64_t high, std::vector<T>& out);

  Source& source_;
  std::vector<char> window_;
  size_t begin_ = 0;  //!< the first unread byte of the window
  size_t end_ = 0;    //!< one past the last byte read into the window
  bool ok_ = true;
};

template <typename ValueOf>
void Writer::PutIntegers(size_t count, int64_t missing, ValueOf value_of) {
  bool any_missing = false, all_missing = true;
  int64_t low = 0, high = 0;
  for (size_t i = 0; i < count; ++i) {
    const int64_t value = value_of(i);
    if (value == missing) {
      any_missing = true;
      continue;
    }
    if (all_missing || value < low) low = value;
    if (all_missing || value > high) high = value;
    all_missing = false;
  }
  // Code 0 is missing, codes 1 … span + 1 the values.
  const uint64_t span = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
  const uint64_t top = all_missing ? 0 : span + 1;
  const uint8_t width = (count == 0 || (!any_missing && span == 0) || all_missing) ? 0
                        : top <= 0xFF                                              ? 1
                        : top <= 0xFFFF                                            ? 2
                        : top <= 0xFFFFFFFF                                        ? 4
                                                                                   : 8;
  Put<uint64_t>(count);
  Put<uint8_t>(width);
  Put<int64_t>(missing);
  Put<int64_t>(all_missing ? missing : low);
  switch (width) {
    case 1:
      PutPacked<uint8_t>(count, missing, low, value_of);
      break;
    case 2:
      PutPacked<uint16_t>(count, missing, low, value_of);
      break;
    case 4:
      PutPacked<uint32_t>(count, missing, low, value_of);
      break;
    case 8:
      PutPacked<uint64_t>(count, missing, low, value_of);
      break;
    default:
      break;
  }
}

template <typename Unsigned, typename ValueOf>
void Writer::PutPacked(size_t count, int64_t missing, int64_t base, ValueOf value_of) {
  // Values are stored as value - base + 1 so that 0 can mean missing; 8-byte codes wrap, which the
  // reader undoes (a column of int64 extremes cannot have both a full span and a missing value).
  const size_t start = bytes_.size();
  bytes_.resize(start + count * sizeof(Unsigned));
  char* out = bytes_.data() + start;
  for (size_t i = 0; i < count; ++i, out += sizeof(Unsigned)) {
    const int64_t value = value_of(i);
    const auto packed = static_cast<Unsigned>(
        value == missing ? 0 : static_cast<uint64_t>(value) - static_cast<uint64_t>(base) + 1);
    std::memcpy(out, &packed, sizeof packed);
  }
}

template <typename T>
void Reader::GetIntegers(size_t count, int64_t missing, int64_t low, int64_t high, std::vector<T>& out) {
  out.clear();
  const uint64_t stored_count = Get<uint64_t>();
  const uint8_t width = Get<uint8_t>();
  const int64_t stored_missing = Get<int64_t>();
  const int64_t base = Get<int64_t>();
  if (!ok_ || stored_count != count || stored_missing != missing) {
    ok_ = false;
    return;
  }
  if (count == 0) {
    if (width != 0) ok_ = false;
    return;
  }
  if (base < low || base > high) {
    ok_ = false;
    return;
  }
  switch (width) {
    case 0:
      out.assign(count, static_cast<T>(base));
      break;
    case 1:
      GetPacked<uint8_t>(count, missing, base, low, high, out);
      break;
    case 2:
      GetPacked<uint16_t>(count, missing, base, low, high, out);
      break;
    case 4:
      GetPacked<uint32_t>(count, missing, base, low, high, out);
      break;
    case 8:
      GetPacked<uint64_t>(count, missing, base, low, high, out);
      break;
    default:
      ok_ = false;
  }
}

template <typename Unsigned, typename T>
void Reader::GetPacked(size_t count, int64_t missing, int64_t base, int64_t low, int64_t high,
                       std::vector<T>& out) {
  if (count > Remaining() / sizeof(Unsigned)) {
    ok_ = false;
    return;
  }
  const uint64_t start = static_cast<uint64_t>(base) - 1;
  const uint64_t range = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
  out.resize(count);
  T* values = out.data();
  bool in_range = true;
  constexpr size_t kBatch = kWindowBytes / 2 / sizeof(Unsigned);
  for (size_t done = 0; done < count && ok_;) {
    const size_t batch = std::min(kBatch, count - done);
    const char* in = Take(batch * sizeof(Unsigned));
    if (in == nullptr) return;
    for (size_t i = 0; i < batch; ++i, in += sizeof(Unsigned)) {
      Unsigned packed;
      std::memcpy(&packed, in, sizeof packed);
      const int64_t value = packed == 0 ? missing : static_cast<int64_t>(start + packed);
      in_range &= static_cast<uint64_t>(value) - static_cast<uint64_t>(low) <= range;
      values[done + i] = static_cast<T>(value);
    }
    done += batch;
  }
  if (!in_range) ok_ = false;
}

template <typename T>
void Reader::GetArray(size_t count, std::vector<T>& out) {
  out.clear();
  if (count > Remaining() / sizeof(T)) {
    ok_ = false;
    return;
  }
  out.resize(count);
  constexpr size_t kBatch = kWindowBytes / 2 / sizeof(T);
  for (size_t done = 0; done < count;) {
    const size_t batch = std::min(kBatch, count - done);
    const char* in = Take(batch * sizeof(T));
    if (in == nullptr) return;
    std::memcpy(out.data() + done, in, batch * sizeof(T));
    done += batch;
  }
}

}  // namespace crm::store::image
