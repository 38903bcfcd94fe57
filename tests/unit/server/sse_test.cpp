#include <gtest/gtest.h>

#include <thread>

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

//! A sink that keeps what is written, and fails writes once `open` is false.
struct FakeSink {
  std::string written;
  bool open = true;
  httplib::DataSink sink;
  FakeSink() {
    sink.is_writable = [this] { return open; };
    sink.write = [this](const char* data, size_t size) {
      if (open) written.append(data, size);
      return open;
    };
  }
};

TEST(ServerSseTest, DeltaWriterWritesTextAsDeltaEvents) {
  FakeSink fake;
  DeltaWriter write(fake.sink);
  EXPECT_TRUE(write("Konex buys."));
  EXPECT_EQ(fake.written, "event: delta\ndata: {\"text\":\"Konex buys.\"}\n\n");
  fake.open = false;
  EXPECT_FALSE(write("More."));
}

TEST(ServerSseTest, DeltaWriterAnswersAnEmptyPieceWithAKeepAliveAtMostEveryInterval) {
  FakeSink fake;
  constexpr std::chrono::milliseconds kInterval(100);
  DeltaWriter write(fake.sink, kInterval);
  EXPECT_TRUE(write(""));
  EXPECT_EQ(fake.written, "") << "a write just happened (the stream opened)";
  std::this_thread::sleep_for(kInterval);
  EXPECT_TRUE(write(""));
  EXPECT_TRUE(write(""));
  EXPECT_EQ(fake.written, ": keep-alive\n\n");
  fake.open = false;
  std::this_thread::sleep_for(kInterval);
  EXPECT_FALSE(write("")) << "the client is gone";
}

}  // namespace
}  // namespace crm::server
