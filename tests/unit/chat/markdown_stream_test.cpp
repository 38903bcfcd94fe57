#include "crm/chat/markdown_stream.h"

#include <gtest/gtest.h>

#include <string>

namespace crm::chat {
namespace {

//! A reader that keeps what it got and stops after `limit` pieces.
struct Reader {
  std::string got;
  int pieces = 0;
  int limit = 100;
  llm::ChunkCallback callback = [this](std::string_view piece) {
    got += piece;
    return ++pieces < limit;
  };
};

TEST(MarkdownStreamTest, FinishSendsWhatTheReaderLacks) {
  Reader reader;
  MarkdownStream stream(reader.callback);
  EXPECT_TRUE(stream.Send("**Pipeline** "));
  EXPECT_TRUE(stream.callback()("the writer's text. "));
  EXPECT_FALSE(stream.Finish("**Pipeline** the writer's text. And a table."));
  EXPECT_EQ(reader.got, "**Pipeline** the writer's text. And a table.");
}

TEST(MarkdownStreamTest, FinishAsksToReplaceWhenTheAnswerDiffersFromWhatWasSent) {
  Reader reader;
  MarkdownStream stream(reader.callback);
  stream.Send("An LLM sentence. ");
  EXPECT_TRUE(stream.Finish("The offline text."));
  EXPECT_EQ(reader.got, "An LLM sentence. ") << "nothing is appended to what must be replaced";
}

TEST(MarkdownStreamTest, AnEmptyPieceAsksTheReaderWhetherToGoOn) {
  Reader reader;
  reader.limit = 2;
  MarkdownStream stream(reader.callback);
  EXPECT_TRUE(stream.callback()(""));
  EXPECT_FALSE(stream.callback()(""));
  EXPECT_TRUE(stream.stopped());
  EXPECT_EQ(reader.pieces, 2);
}

TEST(MarkdownStreamTest, NothingIsSentOnceTheReaderStopped) {
  Reader reader;
  reader.limit = 1;
  MarkdownStream stream(reader.callback);
  EXPECT_FALSE(stream.Send("one "));
  EXPECT_TRUE(stream.stopped());
  EXPECT_FALSE(stream.Send("two "));
  stream.Finish("one two three");
  EXPECT_EQ(reader.got, "one ");
  EXPECT_EQ(reader.pieces, 1);
}

}  // namespace
}  // namespace crm::chat
