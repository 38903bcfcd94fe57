#include <gtest/gtest.h>

#include "../../../src/server/sse.h"

namespace crm::server {
namespace {

TEST(ServerSseTest, FramesOneEvent) {
  EXPECT_EQ(FormatEvent("delta", R"({"text":"a"})"), "event: delta\ndata: {\"text\":\"a\"}\n\n");
}

TEST(ServerSseTest, SplitsTextWithoutCuttingACharacter) {
  const std::string text =
      "abc\xC3\xA9\xE2\x82\xAC"
      "defg";  // "abcé€defg"
  const auto pieces = SplitText(text, 4);
  std::string joined;
  for (const std::string& piece : pieces) {
    EXPECT_LE(piece.size(), 4u);
    ASSERT_FALSE(piece.empty());
    EXPECT_NE(static_cast<unsigned char>(piece[0]) & 0xC0, 0x80) << "starts inside a character";
    joined += piece;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(pieces[0], "abc");
  EXPECT_TRUE(SplitText("", 4).empty());
}

TEST(ServerSseTest, KeepsACharacterLongerThanThePieceWhole) {
  const auto pieces = SplitText(
      "\xE2\x82\xAC"
      "a",
      1);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0], "\xE2\x82\xAC");
  EXPECT_EQ(pieces[1], "a");
}

}  // namespace
}  // namespace crm::server
