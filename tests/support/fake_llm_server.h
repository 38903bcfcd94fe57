#pragma once
// A local stand-in for the LLM APIs: an HTTP server on 127.0.0.1 that answers with scripted replies
// (streamed server-sent events, errors, delays) and records every request.

#include <httplib.h>

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace crm::llm::test {

//! One scripted reply.
struct ScriptedReply {
  int status = 200;
  std::vector<std::string> events;             //!< for 200: the SSE text, written as separate chunks
  std::string body;                            //!< for other statuses: the JSON error body
  std::map<std::string, std::string> headers;  //!< extra response headers ("Retry-After")
  double delay_seconds = 0;                    //!< waits this long before answering
  double chunk_delay_seconds = 0;              //!< for 200: waits this long before each chunk
};

//! A request the server received.
struct RecordedRequest {
  std::string path;
  httplib::Headers headers;
  std::string body;
  size_t chunks_sent = 0;    //!< chunks of a streamed reply written so far
  bool client_gone = false;  //!< the client closed the connection before the reply was complete
  bool ended = false;        //!< the reply is complete, or ended because the client went away
  std::chrono::steady_clock::time_point ended_at;  //!< when it ended
};

//! The server; replies are used in order, the last one for every request after.
class FakeLlmServer {
 public:
  //! Answers with `replies` on `threads` connection threads (one per concurrent request).
  explicit FakeLlmServer(std::vector<ScriptedReply> replies, size_t threads = 8);
  ~FakeLlmServer();
  FakeLlmServer(const FakeLlmServer&) = delete;
  FakeLlmServer& operator=(const FakeLlmServer&) = delete;

  //! "http://127.0.0.1:<port>".
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  //! The requests so far, in order.
  std::vector<RecordedRequest> requests() const;

 private:
  void Answer(const httplib::Request& request, httplib::Response& response);
  //! Streams `reply` to `sink`, noting in request `index` how far it got.
  bool Stream(const ScriptedReply& reply, size_t index, httplib::DataSink& sink);
  //! Notes that request `index` ended, the client gone or not.
  void End(size_t index, bool client_gone);

  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<ScriptedReply> replies_;
  std::vector<RecordedRequest> requests_;
};

//! A 200 reply streaming `events`, after `delay_seconds`.
ScriptedReply Streamed(std::vector<std::string> events, double delay_seconds = 0);

//! An error reply with a JSON body and extra headers.
ScriptedReply Failed(int status, std::string body, std::map<std::string, std::string> headers = {});

//! An Anthropic Messages stream whose text arrives as `pieces`.
std::vector<std::string> AnthropicEvents(const std::vector<std::string>& pieces);

//! An OpenAI Chat Completions stream whose text arrives as `pieces`.
std::vector<std::string> OpenAiEvents(const std::vector<std::string>& pieces);

}  // namespace crm::llm::test
