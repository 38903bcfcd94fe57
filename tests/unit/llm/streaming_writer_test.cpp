#include "crm/llm/streaming_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace crm::llm {
namespace {

WritingTask Task(std::string text) {
  WritingTask task;
  task.offline_text = std::move(text);
  return task;
}

TEST(StreamingWriterTest, StreamsWhatTheInnerWriterWritesToTheReader) {
  const OfflineWriter offline;
  std::vector<std::string> pieces;
  const ChunkCallback reader = [&pieces](std::string_view piece) {
    pieces.emplace_back(piece);
    return true;
  };
  const StreamingWriter writer(offline, reader);
  EXPECT_EQ(writer.name(), "offline");
  const WrittenText written = writer.Write(Task("Konex buys often."));
  EXPECT_EQ(written.text, "Konex buys often.");
  EXPECT_EQ(pieces, std::vector<std::string>{"Konex buys often."});
  EXPECT_FALSE(writer.stopped());
}

TEST(StreamingWriterTest, WritesNothingMoreOnceTheReaderStopped) {
  const OfflineWriter offline;
  int calls = 0;
  const ChunkCallback reader = [&calls](std::string_view) {
    ++calls;
    return false;
  };
  const StreamingWriter writer(offline, reader);
  writer.Write(Task("first"));
  EXPECT_TRUE(writer.stopped());
  const WrittenText second = writer.Write(Task("second"));
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(second.text, "second");
  EXPECT_EQ(second.fallback_reason, "offline: stopped: the reader went away");
}

}  // namespace
}  // namespace crm::llm
