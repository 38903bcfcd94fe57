// The byte encoding of the dataset image. It is internal to the store, hence the path into src/.
#include "../../../src/store/image_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "crm/common/date.h"

namespace crm::store::image {
namespace {

// A source that hands out at most `piece` bytes a call, to exercise the reader's refills.
class TrickleSource : public Source {
 public:
  TrickleSource(std::string bytes, size_t piece) : bytes_(std::move(bytes)), piece_(piece) {}
  size_t Read(char* into, size_t size) override {
    const size_t count = std::min({size, piece_, bytes_.size() - position_});
    std::memcpy(into, bytes_.data() + position_, count);
    position_ += count;
    return count;
  }
  uint64_t Remaining() const override { return bytes_.size() - position_; }

 private:
  std::string bytes_;
  size_t piece_;
  size_t position_ = 0;
};

std::string Bytes(size_t count) {
  std::string bytes(count, '\0');
  for (size_t i = 0; i < count; ++i) bytes[i] = static_cast<char>((i * 131 + 7) % 251);
  return bytes;
}

TEST(ImageChecksumTest, IsTheSameHoweverTheBytesAreSplit) {
  const std::string bytes = Bytes(1000);
  const uint64_t whole = Checksum::Of(bytes.data(), bytes.size());
  for (size_t piece : {1, 3, 31, 32, 33, 64, 999}) {
    Checksum checksum;
    for (size_t at = 0; at < bytes.size(); at += piece) {
      checksum.Update(bytes.data() + at, std::min(piece, bytes.size() - at));
    }
    EXPECT_EQ(checksum.Final(), whole) << "pieces of " << piece;
  }
}

TEST(ImageChecksumTest, ChangesWithAnyBitLengthOrOrder) {
  const std::string bytes = Bytes(100);
  const uint64_t original = Checksum::Of(bytes.data(), bytes.size());
  for (size_t at : {0, 31, 32, 63, 99}) {
    std::string flipped = bytes;
    flipped[at] ^= 0x10;
    EXPECT_NE(Checksum::Of(flipped.data(), flipped.size()), original) << at;
  }
  EXPECT_NE(Checksum::Of(bytes.data(), 99), original);
  std::string swapped = bytes;
  std::swap(swapped[0], swapped[40]);
  EXPECT_NE(Checksum::Of(swapped.data(), swapped.size()), original);
  EXPECT_NE(Checksum::Of("", 0), Checksum::Of("\0", 1));
}

TEST(ImageChecksumTest, IsPinned) {
  // Part of the stored format: changing the function means bumping kImageFormatVersion.
  const std::string bytes = Bytes(100);
  EXPECT_EQ(Checksum::Of(bytes.data(), bytes.size()), 0x94947C77A9979528ull);
  EXPECT_EQ(Checksum::Of("", 0), 0xEF46DB3751D8E999ull);  // as xxHash64 of nothing
}

struct Column {
  std::vector<int64_t> values;
  int64_t missing;
  int expected_bytes_per_value;
};

TEST(ImageIntegersTest, RoundTripAtTheNarrowestWidth) {
  const int64_t big = int64_t{1} << 40;
  const std::vector<Column> columns = {
      {{}, -1, 0},
      {{5, 5, 5}, -1, 0},
      {{-1, -1}, -1, 0},
      {{7, -1, 7}, -1, 1},
      {{0, 254, -1}, -1, 1},
      {{0, 255}, -1, 2},  // code 0 is kept for missing, so 256 codes do not fit a byte
      {{-70000, 70000}, kNoDay, 4},
      {{kNoDay, 17000, 17500, kNoDay}, kNoDay, 2},
      {{std::numeric_limits<int32_t>::max(), std::numeric_limits<int32_t>::min() + 1}, kNoDay, 4},
      {{-big, big}, -1, 8},
  };
  for (const Column& column : columns) {
    Writer out;
    out.PutIntegers(column.values.size(), column.missing, [&](size_t i) { return column.values[i]; });
    const size_t header = sizeof(uint64_t) + 1 + 2 * sizeof(int64_t);
    EXPECT_EQ(out.bytes().size(), header + column.values.size() * column.expected_bytes_per_value);
    MemorySource source(out.bytes());
    Reader in(source);
    std::vector<int64_t> back;
    in.GetIntegers(column.values.size(), column.missing, std::numeric_limits<int64_t>::min(),
                   std::numeric_limits<int64_t>::max(), back);
    EXPECT_TRUE(in.AtEnd());
    EXPECT_EQ(back, column.values);
  }
}

TEST(ImageIntegersTest, RefusesValuesOutsideTheAllowedRange) {
  Writer out;
  const std::vector<int32_t> values = {0, 3, -1, 2};
  out.PutIntegers(values.size(), -1, [&](size_t i) { return int64_t{values[i]}; });
  std::vector<int32_t> back;
  {
    MemorySource source(out.bytes());
    Reader in(source);
    in.GetIntegers(values.size(), -1, -1, 3, back);
    EXPECT_TRUE(in.AtEnd());
    EXPECT_EQ(back, values);
  }
  {  // a row reference may not be missing here
    MemorySource source(out.bytes());
    Reader in(source);
    in.GetIntegers(values.size(), -1, 0, 3, back);
    EXPECT_FALSE(in.ok());
  }
  {  // nor point past the table
    MemorySource source(out.bytes());
    Reader in(source);
    in.GetIntegers(values.size(), -1, -1, 2, back);
    EXPECT_FALSE(in.ok());
  }
  {  // nor come with another count or missing marker
    MemorySource source(out.bytes());
    Reader in(source);
    in.GetIntegers(values.size() + 1, -1, -1, 3, back);
    EXPECT_FALSE(in.ok());
  }
  {
    MemorySource source(out.bytes());
    Reader in(source);
    in.GetIntegers(values.size(), kNoDay, kNoDay, 3, back);
    EXPECT_FALSE(in.ok());
  }
}

TEST(ImageReaderTest, FailsOnTruncatedInputWithoutReadingPastIt) {
  Writer out;
  out.PutIntegers(1000, -1, [](size_t i) { return static_cast<int64_t>(i); });
  out.PutString("tail");
  for (size_t keep : {size_t{0}, size_t{5}, size_t{20}, out.bytes().size() - 1}) {
    MemorySource source(std::string_view(out.bytes()).substr(0, keep));
    Reader in(source);
    std::vector<int32_t> values;
    in.GetIntegers(1000, -1, 0, 999, values);
    (void)in.GetString();
    EXPECT_FALSE(in.ok()) << keep;
  }
  // A length larger than what remains fails at once instead of allocating it.
  Writer huge;
  huge.Put<uint64_t>(uint64_t{1} << 60);
  MemorySource source(huge.bytes());
  Reader in(source);
  EXPECT_TRUE(in.GetString().empty());
  EXPECT_FALSE(in.ok());
}

TEST(ImageReaderTest, ReadsAcrossRefillsAndValuesLargerThanItsWindow) {
  Writer out;
  const std::string long_text = Bytes(600000);  // more than the reader's window
  out.PutString("first");
  out.PutIntegers(100000, -1, [](size_t i) { return static_cast<int64_t>(i % 70000); });
  out.PutString(long_text);
  out.Put<double>(2.5);
  std::vector<double> numbers = {1.5, -0.25, 1e300};
  out.Put<uint64_t>(numbers.size());
  out.PutBytes(numbers.data(), numbers.size() * sizeof(double));
  for (size_t piece : {1, 7, 4096, 1 << 20}) {
    TrickleSource source(out.bytes(), piece);
    Reader in(source);
    EXPECT_EQ(in.GetString(), "first");
    std::vector<int32_t> values;
    in.GetIntegers(100000, -1, 0, 69999, values);
    ASSERT_EQ(values.size(), 100000u);
    EXPECT_EQ(values[99999], 99999 % 70000);
    EXPECT_EQ(in.GetString(), long_text);
    EXPECT_EQ(in.Get<double>(), 2.5);
    std::vector<double> back;
    in.GetArray(in.Get<uint64_t>(), back);
    EXPECT_EQ(back, numbers);
    EXPECT_TRUE(in.AtEnd()) << piece;
  }
}

}  // namespace
}  // namespace crm::store::image
