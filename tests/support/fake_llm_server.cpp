#include "support/fake_llm_server.h"

#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>

namespace crm::llm::test {

FakeLlmServer::FakeLlmServer(std::vector<ScriptedReply> replies) : replies_(std::move(replies)) {
  server_.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    response.status = 500;
  });
  server_.set_keep_alive_max_count(1);
  server_.Post(".*", [this](const httplib::Request& request, httplib::Response& response) {
    Answer(request, response);
  });
  port_ = server_.bind_to_any_port("127.0.0.1");
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
  {
    std::lock_guard lock(mutex_);
    reply = replies_.at(std::min(requests_.size(), replies_.size() - 1));
    requests_.push_back({request.path, request.headers, request.body});
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(reply.delay_seconds));
  for (const auto& [name, value] : reply.headers) response.set_header(name, value);
  if (reply.status != 200) {
    response.status = reply.status;
    response.set_content(reply.body, "application/json");
    return;
  }
  response.set_chunked_content_provider("text/event-stream",
                                        [events = reply.events](size_t, httplib::DataSink& sink) {
                                          for (const std::string& event : events) {
                                            if (!sink.write(event.data(), event.size())) return false;
                                          }
                                          sink.done();
                                          return true;
                                        });
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
