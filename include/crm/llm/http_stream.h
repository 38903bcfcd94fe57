#pragma once
// One streaming HTTP POST over libcurl: the body of a successful response is handed over as it arrives,
// an error response is kept for its message. A new curl handle per call: safe from any thread.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::llm {

//! A POST to send.
struct HttpRequest {
  std::string url;
  std::vector<std::string> headers;  //!< "Name: value" lines
  std::string body;
};

//! How long a request may take.
struct HttpLimits {
  double connect_timeout_seconds = 10;  //!< to establish the connection
  double timeout_seconds = 60;          //!< for the whole exchange, streaming included
};

//! Why a request got no complete response.
enum class TransportError {
  kNone,     //!< a response arrived in full
  kConnect,  //!< no connection, or it broke (worth retrying)
  kTimeout,  //!< the whole time allowed passed
  kStopped,  //!< the body sink asked to stop
  kOther,    //!< anything else (TLS, bad URL …)
};

//! What came back.
struct HttpResponse {
  long status = 0;  //!< the HTTP status; 0 when none arrived
  TransportError transport_error = TransportError::kNone;
  std::string transport_message;              //!< libcurl's explanation when transport_error is set
  std::string error_body;                     //!< the first 16 KiB of a non-2xx body
  std::optional<double> retry_after_seconds;  //!< the Retry-After header, when sent
};

//! Receives the body of a 2xx response piece by piece; returns false to stop the transfer. While no
//! piece arrives, an empty piece about once a second asks whether to go on.
using BodySink = std::function<bool(std::string_view piece)>;

//! Sends `request` and streams a successful body to `on_body`. Never follows redirects; only http and
//! https; local addresses bypass any proxy.
HttpResponse PostStreaming(const HttpRequest& request, const HttpLimits& limits, const BodySink& on_body);

}  // namespace crm::llm
