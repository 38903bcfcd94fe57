// Chat answers streamed by `crm-assistant serve` with an LLM writer (a local fake speaking the OpenAI
// protocol, slowly): deltas arrive while the LLM still writes, a client that goes away stops the LLM
// transfer, 100 concurrent streams leave the other routes fast, and a fallback mid-stream says to replace.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/server_process.h"
#include "support/fake_llm_server.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr char kQuestion[] = "tell me about Kan-code";

//! Points the server at `llm` through the environment while it starts.
class OpenAiEnvironment {
 public:
  explicit OpenAiEnvironment(const llm::test::FakeLlmServer& llm) {
    setenv("CRM_LLM", "openai", 1);
    setenv("OPENAI_BASE_URL", llm.base_url().c_str(), 1);
    setenv("OPENAI_MODEL", "local-test", 1);
  }
  ~OpenAiEnvironment() {
    unsetenv("CRM_LLM");
    unsetenv("OPENAI_BASE_URL");
    unsetenv("OPENAI_MODEL");
  }
};

//! One server event.
struct Event {
  std::string name;
  json data;
  Clock::time_point at;  //!< when the test read it
};

//! A streaming ask over a raw socket, read event by event as the events arrive.
class EventStream {
 public:
  EventStream(int port, const std::string& question) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{20, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const std::string body = json{{"question", question}}.dump();
    const std::string request =
        "POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
    if (connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        send(fd_, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
      Close();
    }
  }
  ~EventStream() { Close(); }
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;

  //! The HTTP status line, once the first event or the end has been read.
  std::string status_line() const { return buffer_.substr(0, buffer_.find("\r\n")); }

  //! The next event; nullopt when the stream ended (or 20 seconds passed).
  std::optional<Event> Next() {
    for (;;) {
      const size_t name = buffer_.find("event: ", parsed_);
      const size_t data = name == std::string::npos ? name : buffer_.find("\ndata: ", name);
      const size_t end = data == std::string::npos ? data : buffer_.find("\n\n", data + 1);
      if (end != std::string::npos) {
        parsed_ = end + 2;
        return Event{buffer_.substr(name + 7, data - name - 7),
                     json::parse(buffer_.substr(data + 7, end - data - 7)), Clock::now()};
      }
      char chunk[4096];
      const ssize_t got = fd_ < 0 ? -1 : recv(fd_, chunk, sizeof chunk, 0);
      if (got <= 0) return std::nullopt;
      buffer_.append(chunk, static_cast<size_t>(got));
    }
  }

  //! Every event up to the end.
  std::vector<Event> Rest() {
    std::vector<Event> events;
    while (auto event = Next()) events.push_back(std::move(*event));
    return events;
  }

  //! Goes away without reading further.
  void Close() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  std::string buffer_;
  size_t parsed_ = 0;
};

//! `count` sentences without numbers, so that every one passes the grounding check.
std::vector<std::string> Sentences(size_t count) {
  std::vector<std::string> sentences;
  for (size_t i = 0; i < count; ++i) sentences.push_back("Kan-code keeps buying from us steadily. ");
  return sentences;
}

//! A fake LLM streaming `pieces` with `chunk_delay` seconds before each event, and a server using it.
class ChatStreamTest : public ::testing::Test {
 protected:
  void Start(const std::vector<std::string>& pieces, double chunk_delay, size_t llm_threads = 8,
             const std::string& serve_args = "") {
    llm::test::ScriptedReply reply = llm::test::Streamed(llm::test::OpenAiEvents(pieces));
    reply.chunk_delay_seconds = chunk_delay;
    events_per_reply_ = reply.events.size();
    llm_ = std::make_unique<llm::test::FakeLlmServer>(std::vector{reply}, llm_threads);
    const OpenAiEnvironment environment(*llm_);
    server_ = std::make_unique<test::ServerProcess>(
        "--db " + dir_.File("crm.db") + " --data " + test::SharedDataDir(), serve_args);
    ASSERT_GT(server_->port(), 0) << server_->banner();
  }

  //! The deltas of `events` joined.
  static std::string Deltas(const std::vector<Event>& events) {
    std::string text;
    for (const Event& event : events) {
      if (event.name == "delta") text += event.data["text"].get<std::string>();
    }
    return text;
  }

  //! The writer the audit log names for the latest question (the local admin may read the log).
  json AuditedWriter() const {
    httplib::Client client("127.0.0.1", server_->port());
    const auto result = client.Get("/api/v1/audit?limit=20");
    if (!result || result->status != 200) return "no audit log";
    const json audit = json::parse(result->body);
    for (const json& entry : audit["entries"]) {
      if (entry["action"] == "ask") return entry["detail"]["writer"];
    }
    return "no question in the audit log";
  }

  test::TempDir dir_;
  std::unique_ptr<llm::test::FakeLlmServer> llm_;
  std::unique_ptr<test::ServerProcess> server_;
  size_t events_per_reply_ = 0;
};

TEST_F(ChatStreamTest, DeltasArriveWhileTheLlmIsStillWriting) {
  CRM_REQUIRE_SHARED_DATA();
  Start(Sentences(6), 0.15);
  EventStream stream(server_->port(), kQuestion);
  const std::vector<Event> events = stream.Rest();
  ASSERT_GE(events.size(), 3u) << stream.status_line();
  EXPECT_EQ(events.front().name, "meta");
  EXPECT_EQ(events.front().data["intent"], "account_summary");
  ASSERT_EQ(events.back().name, "done");
  EXPECT_EQ(llm_->requests().size(), 1u);
  const auto first_delta =
      std::find_if(events.begin(), events.end(), [](const Event& event) { return event.name == "delta"; });
  ASSERT_NE(first_delta, events.end());
  // the LLM writes for about 0.9 s after its first sentence; the answer is done once it has written
  EXPECT_LT(first_delta->at, events.back().at - std::chrono::milliseconds(500))
      << "the first delta came when the LLM had (nearly) finished: the answer did not stream";
  const json& done = events.back().data;
  EXPECT_FALSE(done.contains("replace"));
  EXPECT_EQ(Deltas(events), done["answer"]);
  EXPECT_NE(done["answer"].get<std::string>().find("Kan-code keeps buying from us steadily."),
            std::string::npos);
  EXPECT_EQ(done["data"]["writer"], "openai:local-test");
  EXPECT_EQ(AuditedWriter(), "openai:local-test");
}

TEST_F(ChatStreamTest, AClientThatGoesAwayStopsTheLlmTransfer) {
  CRM_REQUIRE_SHARED_DATA();
  // a sentence, then words that end no sentence (nothing more to show) for over 4 seconds
  std::vector<std::string> pieces = Sentences(1);
  pieces.resize(40, "and ");
  Start(pieces, 0.1);
  const Clock::time_point asked = Clock::now();
  {
    EventStream stream(server_->port(), kQuestion);
    const std::optional<Event> meta = stream.Next();
    ASSERT_TRUE(meta) << stream.status_line();
    EXPECT_EQ(meta->name, "meta");
    const std::optional<Event> delta = stream.Next();
    ASSERT_TRUE(delta);
    EXPECT_EQ(delta->name, "delta");
  }
  for (int i = 0; i < 400 && (llm_->requests().empty() || !llm_->requests()[0].ended); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(llm_->requests().size(), 1u);
  const llm::test::RecordedRequest llm_request = llm_->requests()[0];
  ASSERT_TRUE(llm_request.ended) << "the LLM transfer still runs 4 s after the client went away";
  EXPECT_TRUE(llm_request.client_gone);
  EXPECT_LT(llm_request.chunks_sent, events_per_reply_ / 2);
  EXPECT_LT(llm_request.ended_at - asked, std::chrono::seconds(2));
}

TEST_F(ChatStreamTest, HundredStreamsDoNotStarveOtherRequests) {
  CRM_REQUIRE_SHARED_DATA();
  constexpr size_t kStreams = 100;
  Start(Sentences(4), 0.4, kStreams + 8);  // each stream lasts about 2.4 s
  std::atomic<size_t> completed = 0;
  std::vector<std::thread> clients;
  for (size_t i = 0; i < kStreams; ++i) {
    clients.emplace_back([this, &completed] {
      EventStream stream(server_->port(), kQuestion);
      const std::vector<Event> events = stream.Rest();
      if (!events.empty() && events.back().name == "done") ++completed;
    });
  }
  // all at once: the first streams are still open when the last ones reach the LLM
  for (int i = 0; i < 150 && llm_->requests().size() < kStreams; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_EQ(llm_->requests().size(), kStreams) << "every stream should be waiting on the LLM by now";
  httplib::Client client("127.0.0.1", server_->port());
  for (const char* path : {"/api/v1/health", "/api/v1/insights/pipeline_overview",
                           "/api/v1/insights/conversion_analysis?regional_office=West"}) {
    const Clock::time_point start = Clock::now();
    const auto result = client.Get(path);
    const auto took = Clock::now() - start;
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_LT(took, std::chrono::seconds(1)) << path << " waited behind the streams";
  }
  for (std::thread& thread : clients) thread.join();
  EXPECT_EQ(completed, kStreams);
}

TEST_F(ChatStreamTest, AFallbackAfterDeltasTellsTheClientToReplaceThem) {
  CRM_REQUIRE_SHARED_DATA();
  Start({"Kan-code keeps buying from us steadily. ", "Its revenue is $987,654,321 this year. "}, 0.1);
  EventStream stream(server_->port(), kQuestion);
  const std::vector<Event> events = stream.Rest();
  ASSERT_FALSE(events.empty()) << stream.status_line();
  ASSERT_EQ(events.back().name, "done");
  EXPECT_EQ(Deltas(events), "Kan-code keeps buying from us steadily. ");
  const json& done = events.back().data;
  EXPECT_EQ(done["replace"], true);
  const std::string answer = done["answer"];
  EXPECT_EQ(answer.find("keeps buying"), std::string::npos) << "the final text is the offline text";
  EXPECT_NE(answer.find("offline writer"), std::string::npos) << answer;
  EXPECT_NE(answer.find("987,654,321"), std::string::npos) << "the reason names the number";
  EXPECT_EQ(AuditedWriter(), "offline") << "the audit log names the writer whose text was shown";
}

TEST_F(ChatStreamTest, StreamsBeyondTheLimitAre503WithRetryAfter) {
  CRM_REQUIRE_SHARED_DATA();
  Start(Sentences(3), 0.1, 8, "--max-streams 2");
  EventStream first(server_->port(), kQuestion);
  EventStream second(server_->port(), kQuestion);
  ASSERT_TRUE(first.Next());
  ASSERT_TRUE(second.Next());
  const std::string refused =
      test::RawHttp(server_->port(),
                    "POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    "Content-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    "16\r\n\r\n{\"question\":\"x\"}");
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
  EXPECT_NE(refused.find("too many chat answers are streaming"), std::string::npos) << refused;
  EXPECT_EQ(first.Rest().back().name, "done");
  EXPECT_EQ(second.Rest().back().name, "done");
  httplib::Client client("127.0.0.1", server_->port());
  const auto after = client.Post("/api/v1/ask", {{"Accept", "text/event-stream"}},
                                 R"({"question": "which deals are at risk?"})", "application/json");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200) << "a stream that ended makes room";
}

}  // namespace
}  // namespace crm
