#include "hardening.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>

#include "bounded_task_queue.h"
#include "http_json.h"

namespace crm::server {

namespace {

//! Idle keep-alive connections hold a worker: let them go soon.
constexpr time_t kKeepAliveSeconds = 5;
//! Requests one connection may send before it is closed.
constexpr size_t kKeepAliveRequests = 1000;

//! A short user-facing reason for an error status the handlers did not explain.
std::string Reason(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 408:
      return "request timeout";
    case 411:
      return "a request body needs Content-Length";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long";
    case 415:
      return "unsupported media type";
    case 429:
      return "too many requests";
    case 503:
      return "service unavailable";
    default:
      return status >= 500 ? "internal error" : "request failed";
  }
}

}  // namespace

httplib::Server::HandlerResponse Refuse(httplib::Response& response, int status, const std::string& message) {
  SendError(response, status, message);
  response.set_header("Connection", "close");
  return httplib::Server::HandlerResponse::Handled;
}

void Harden(httplib::Server& server, const ServerOptions& options, RequestGate gate) {
  server.new_task_queue = [workers = options.workers, queued = options.queued_connections] {
    return new BoundedTaskQueue(workers, queued);
  };
  server.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
      {"Cache-Control", "no-store"},
  });
  // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the client's
  // delayed ACK hold the body back about 40 ms.
  server.set_tcp_nodelay(true);
  server.set_read_timeout(options.timeout_seconds, 0);
  server.set_write_timeout(options.timeout_seconds, 0);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  server.set_keep_alive_max_count(kKeepAliveRequests);
  server.set_payload_max_length(std::max(options.max_body_bytes, options.max_export_body_bytes));
  server.set_pre_routing_handler([options, gate = std::move(gate)](const httplib::Request& request,
                                                                   httplib::Response& response) {
    const size_t max_body =
        request.path == "/api/v1/export" ? options.max_export_body_bytes : options.max_body_bytes;
    const std::string encoding = request.get_header_value("Content-Encoding");
    if (!encoding.empty() && encoding != "identity") {
      return Refuse(response, 415, "compressed request bodies (Content-Encoding) are not accepted");
    }
    if (request.has_header("Transfer-Encoding")) {
      return Refuse(response, 411, "chunked request bodies are not accepted: send Content-Length");
    }
    const std::string length_text = request.get_header_value("Content-Length");
    uint64_t length = 0;
    const auto [end, failure] =
        std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
    if (!length_text.empty() && (failure != std::errc() || end != length_text.data() + length_text.size())) {
      return Refuse(response, 400, "Content-Length must be a number");
    }
    if (length > max_body) {
      return Refuse(response, 413, "the request body is larger than " + std::to_string(max_body) + " bytes");
    }
    return gate(request, response);
  });
  server.set_exception_handler([](const httplib::Request& request, httplib::Response& response,
                                  std::exception_ptr exception) {
    std::string what = "unknown exception";
    try {
      std::rethrow_exception(exception);
    } catch (const std::exception& error) {
      what = error.what();
    } catch (...) {
    }
    std::fprintf(stderr, "error: %s %s: %s\n", request.method.c_str(), request.path.c_str(), what.c_str());
    SendError(response, 500, "internal error");
  });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
        if (response.body.empty()) SendError(response, response.status, Reason(response.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
}

}  // namespace crm::server
