#include "crm/llm/http_stream.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <memory>

#include "crm/llm/retry_policy.h"

namespace crm::llm {

namespace {

constexpr size_t kMaxErrorBody = 16 * 1024;
//! How often an idle transfer asks its sink whether to go on.
constexpr auto kProbeInterval = std::chrono::seconds(1);

//! The state one transfer's callbacks share.
struct Transfer {
  CURL* curl;
  const BodySink* on_body;
  HttpResponse* response;
  bool stopped = false;
  std::chrono::steady_clock::time_point last_piece = std::chrono::steady_clock::now();
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  long status = 0;
  curl_easy_getinfo(transfer->curl, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) {
    transfer->last_piece = std::chrono::steady_clock::now();
    if ((*transfer->on_body)(std::string_view(data, bytes))) return bytes;
    transfer->stopped = true;
    return 0;  // makes libcurl end the transfer
  }
  std::string& body = transfer->response->error_body;
  body.append(data, std::min(bytes, kMaxErrorBody - std::min(kMaxErrorBody, body.size())));
  return bytes;
}

//! libcurl's progress callback: asks the sink whether to go on when nothing arrived for a while.
int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* transfer = static_cast<Transfer*>(user);
  const auto now = std::chrono::steady_clock::now();
  if (now - transfer->last_piece < kProbeInterval) return 0;
  transfer->last_piece = now;
  if ((*transfer->on_body)(std::string_view())) return 0;
  transfer->stopped = true;
  return 1;  // makes libcurl end the transfer
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  const size_t bytes = size * count;
  std::string_view line(data, bytes);
  if (line.starts_with("HTTP/")) transfer->response->retry_after_seconds.reset();  // a new response
  constexpr std::string_view kRetryAfter = "retry-after:";
  if (line.size() > kRetryAfter.size() &&
      std::equal(kRetryAfter.begin(), kRetryAfter.end(), line.begin(),
                 [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); })) {
    line.remove_prefix(kRetryAfter.size());
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.remove_suffix(1);
    transfer->response->retry_after_seconds = ParseRetryAfter(line);
  }
  return bytes;
}

TransportError Classify(CURLcode code, CURL* curl, bool stopped) {
  switch (code) {
    case CURLE_OK:
      return TransportError::kNone;
    case CURLE_WRITE_ERROR:
    case CURLE_ABORTED_BY_CALLBACK:
      return stopped ? TransportError::kStopped : TransportError::kOther;
    case CURLE_OPERATION_TIMEDOUT: {
      curl_off_t connected_after = 0;
      curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &connected_after);
      return connected_after == 0 ? TransportError::kConnect : TransportError::kTimeout;
    }
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return TransportError::kConnect;
    default:
      return TransportError::kOther;
  }
}

using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

//! Appends a "Name: value" line; the list stays as it was if memory runs out.
void AppendHeader(HeaderList& list, const char* line) {
  if (curl_slist* head = curl_slist_append(list.get(), line)) {
    (void)list.release();
    list.reset(head);
  }
}

//! libcurl's process-wide setup, done once (thread-safe through the static's initialisation).
bool CurlReady() {
  static const bool ready = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ready;
}

}  // namespace

HttpResponse PostStreaming(const HttpRequest& request, const HttpLimits& limits, const BodySink& on_body) {
  HttpResponse response;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(CurlReady() ? curl_easy_init() : nullptr,
                                                           curl_easy_cleanup);
  if (!curl) {
    response.transport_error = TransportError::kOther;
    response.transport_message = "libcurl could not start";
    return response;
  }
  HeaderList headers(nullptr, curl_slist_free_all);
  for (const std::string& header : request.headers) AppendHeader(headers, header.c_str());
  AppendHeader(headers, "Expect:");  // no 100-continue round trip
  Transfer transfer{curl.get(), &on_body, &response};
  char error_buffer[CURL_ERROR_SIZE] = {};
  CURL* handle = curl.get();
  curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(handle, CURLOPT_POST, 1L);
  curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, OnBody);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, OnHeader);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, OnProgress);
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(limits.connect_timeout_seconds * 1000));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.timeout_seconds * 1000));
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_NOPROXY, "localhost,127.0.0.1,::1");
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "crm-assistant");
  const CURLcode code = curl_easy_perform(handle);
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
  response.transport_error = Classify(code, handle, transfer.stopped);
  if (response.transport_error != TransportError::kNone) {
    response.transport_message = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
  }
  return response;
}

}  // namespace crm::llm
