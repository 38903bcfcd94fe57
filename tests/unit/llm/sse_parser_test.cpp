#include "crm/llm/sse_parser.h"

#include <gtest/gtest.h>

#include <vector>

namespace crm::llm {
namespace {

//! Feeds `pieces` one after another and returns the events.
std::vector<SseEvent> Parse(const std::vector<std::string>& pieces) {
  SseParser parser;
  std::vector<SseEvent> events;
  for (const std::string& piece : pieces) parser.Feed(piece, [&](const SseEvent& e) { events.push_back(e); });
  return events;
}

TEST(LlmSseParserTest, DispatchesOnBlankLines) {
  const std::vector<SseEvent> events =
      Parse({"event: message_start\ndata: {\"a\":1}\n\ndata: plain\n\n: a comment\nid: 7\n\n"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event, "message_start");
  EXPECT_EQ(events[0].data, "{\"a\":1}");
  EXPECT_EQ(events[1].event, "message");
  EXPECT_EQ(events[1].data, "plain");
}

TEST(LlmSseParserTest, JoinsDataLinesAndKeepsValuesWithoutTheFirstSpace) {
  const std::vector<SseEvent> events = Parse({"data:one\ndata:  two\ndata\n\n"});
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].data, "one\n two\n");
}

TEST(LlmSseParserTest, AcceptsCrLfAndCrLineEnds) {
  const std::vector<SseEvent> events = Parse({"event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\r"});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].event, "a");
  EXPECT_EQ(events[0].data, "1");
  EXPECT_EQ(events[1].event, "b");
  EXPECT_EQ(events[1].data, "2");
}

TEST(LlmSseParserTest, AssemblesEventsSplitAnywhere) {
  const std::string stream =
      "event: delta\r\ndata: {\"text\":\"Hello\"}\r\n\r\nevent: stop\r\ndata: {}\r\n\r\n";
  const std::vector<SseEvent> whole = Parse({stream});
  ASSERT_EQ(whole.size(), 2u);
  for (size_t split = 1; split < stream.size(); ++split) {
    const std::vector<SseEvent> events = Parse({stream.substr(0, split), "", stream.substr(split)});
    ASSERT_EQ(events.size(), 2u) << "split at " << split;
    EXPECT_EQ(events[0].data, whole[0].data) << "split at " << split;
    EXPECT_EQ(events[1].event, "stop") << "split at " << split;
  }
  std::vector<std::string> bytes;
  for (char c : stream) bytes.emplace_back(1, c);
  EXPECT_EQ(Parse(bytes).size(), 2u);
}

TEST(LlmSseParserTest, DropsAnUnfinishedEventAndEventsWithoutData) {
  EXPECT_TRUE(Parse({"event: ping\n\n", "data: half"}).empty());
}

}  // namespace
}  // namespace crm::llm
