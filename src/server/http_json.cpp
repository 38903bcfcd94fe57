#include "http_json.h"

namespace crm::server {

std::string DumpJson(const nlohmann::json& document) {
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void SendJsonText(httplib::Response& response, int status, std::string text) {
  response.status = status;
  response.set_content(std::move(text), "application/json; charset=utf-8");
}

void SendJson(httplib::Response& response, int status, const nlohmann::json& document) {
  SendJsonText(response, status, DumpJson(document));
}

void SendError(httplib::Response& response, int status, const std::string& message) {
  SendJson(response, status, {{"error", message}});
}

bool HasJsonContentType(const httplib::Request& request) {
  return request.get_header_value("Content-Type").rfind("application/json", 0) == 0;
}

Result<nlohmann::json> ParseJsonObject(const httplib::Request& request) {
  nlohmann::json body;
  try {
    body = nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& error) {
    return Error{"the body is not valid JSON (error at byte " + std::to_string(error.byte) + ")"};
  }
  if (!body.is_object()) return Error{"the body must be a JSON object"};
  return body;
}

Result<std::string> StringMember(const nlohmann::json& body, const std::string& name) {
  const auto found = body.find(name);
  if (found == body.end() || found->is_null()) return std::string();
  if (!found->is_string()) return Error{"\"" + name + "\" must be a string"};
  return found->get<std::string>();
}

}  // namespace crm::server
