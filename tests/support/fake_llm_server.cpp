#include "support/fake_llm_server.h"

#include <gtest/gtest.h>

#include <sys/socket.h>

#include <chrono>

#include <nlohmann/json.hpp>

namespace crm::llm::test {

FakeLlmServer::FakeLlmServer(std::vector<ScriptedReply> replies, size_t threads)
    : replies_(std::move(replies)) {
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    response.status = 500;
  });
  server_.set_keep_alive_max_count(1);
  server_.Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
    Answer(request, response);
  });
  int listening = -1;  // cpp-httplib listens with a backlog of 5: raise it for bursts of requests
  server_.set_socket_options([&listening](socket_t sock) {
    httplib::default_socket_options(sock);
    listening = sock;
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (listening >= 0) ::listen(listening, 256);
  if (port_ <= 0) ADD_FAILURE() << "the fake LLM server could not bind a port";
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // stop() is ignored until the server runs: wait for it
  while (port_ > 0 && !server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FakeLlmServer::~FakeLlmServer() {
  server_.stop();
  thread_.join();
}

std::vector<RecordedRequest> FakeLlmServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

void FakeLlmServer::Answer(const httplib::Request& request, httplib::Response& response) {
  ScriptedReply reply;
  size_t index = 0;
  {
    std::lock_guard lock(mutex_);
    reply = replies_.at(std::min(requests_.size(), replies_.size() - 1));
    index = requests_.size();
    RecordedRequest& recorded = requests_.emplace_back();
    recorded.path = request.path;
    recorded.headers = request.headers;
    recorded.body = request.body;
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(reply.delay_seconds));
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  if (reply.status != 200) {
    response.status = reply.status;
    response.set_content(reply.body, "application/json");
    End(index, false);
    return;
  }
  response.set_chunked_content_provider(
      "text/event-stream",
      [this, reply, index](size_t, httplib::DataSink& sink) { return Stream(reply, index, sink); });
}

bool FakeLlmServer::Stream(const ScriptedReply& reply, size_t index, httplib::DataSink& sink) {
  for (const std::string& event : reply.events) {
    std::this_thread::sleep_for(std::chrono::duration<double>(reply.chunk_delay_seconds));
    if (!sink.is_writable() || !sink.write(event.data(), event.size())) {
      End(index, true);
      return false;
    }
    std::lock_guard lock(mutex_);
    ++requests_[index].chunks_sent;
  }
  sink.done();
  End(index, false);
  return true;
}

void FakeLlmServer::End(size_t index, bool client_gone) {
  std::lock_guard lock(mutex_);
  requests_[index].client_gone = client_gone;
  requests_[index].ended = true;
  requests_[index].ended_at = std::chrono::steady_clock::now();
}

ScriptedReply Streamed(std::vector<std::string> events, double delay_seconds) {
  ScriptedReply reply;
  reply.events = std::move(events);
  reply.delay_seconds = delay_seconds;
  return reply;
}

ScriptedReply Failed(int status, std::string body, std::map<std::string, std::string> headers) {
  ScriptedReply reply;
  reply.status = status;
  reply.body = std::move(body);
  reply.headers = std::move(headers);
  return reply;
}

std::vector<std::string> AnthropicEvents(const std::vector<std::string>& pieces) {
  std::vector<std::string> events = {
      "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m1\"}}\n\n",
      "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0}\n\n",
      "event: ping\ndata: {\"type\": \"ping\"}\n\n"};
  for (const std::string& piece : pieces) {
    const nlohmann::json data = {
        {"type", "content_block_delta"}, {"index", 0}, {"delta", {{"type", "text_delta"}, {"text", piece}}}};
    events.push_back("event: content_block_delta\r\ndata: " + data.dump() + "\r\n\r\n");
  }
  events.push_back("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
  events.push_back("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
  return events;
}

std::vector<std::string> OpenAiEvents(const std::vector<std::string>& pieces) {
  std::vector<std::string> events;
  for (const std::string& piece : pieces) {
    const nlohmann::json data = {{"choices", {{{"index", 0}, {"delta", {{"content", piece}}}}}}};
    events.push_back("data: " + data.dump() + "\n\n");
  }
  events.push_back("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
  events.push_back("data: [DONE]\n\n");
  return events;
}

}  // namespace crm::llm::test
