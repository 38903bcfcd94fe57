#include "crm/common/text_hash.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace crm {
namespace {

TEST(TextHashTest, EveryByteOfEveryLengthCounts) {
  const std::string base = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
  for (size_t length = 0; length <= base.size(); ++length) {
    const std::string text = base.substr(0, length);
    EXPECT_EQ(HashText(text), HashText(std::string(text))) << length;
    std::set<uint64_t> hashes = {HashText(text)};
    for (size_t at = 0; at < length; ++at) {
      std::string changed = text;
      changed[at] ^= 0x20;
      hashes.insert(HashText(changed));
    }
    EXPECT_EQ(hashes.size(), length + 1) << "a changed byte was not seen, length " << length;
  }
  EXPECT_NE(HashText("a"), HashText(std::string_view("a\0", 2)));  // the length counts too
}

TEST(TextHashTest, SimilarKeysSpreadOverTheTopBits) {
  // Hash tables and indexes bucket by the top bits: sequential ids must not crowd into a few buckets.
  std::set<uint64_t> top_bytes, top_16_bits;
  for (int i = 0; i < 100000; ++i) {
    const uint64_t hash = HashText("OPP" + std::to_string(i));
    top_bytes.insert(hash >> 56);
    top_16_bits.insert(hash >> 48);
  }
  EXPECT_EQ(top_bytes.size(), 256u);
  EXPECT_GT(top_16_bits.size(), 50000u);  // about 51,700 expected for a random spread
}

}  // namespace
}  // namespace crm
