#pragma once
// JSON in and out of HTTP messages: answers, error answers and request bodies.

#include <httplib.h>

#include <string>

#include <nlohmann/json.hpp>

#include "crm/common/result.h"

namespace crm::server {

//! The compact text of `document`, invalid UTF-8 replaced (never throws on it).
std::string DumpJson(const nlohmann::json& document);
//! Answers `status` with `document`.
void SendJson(httplib::Response& response, int status, const nlohmann::json& document);
//! Answers `status` with the already dumped JSON `text`.
void SendJsonText(httplib::Response& response, int status, std::string text);
//! Answers `status` with `{"error": message}`; `message` must be meant for users.
void SendError(httplib::Response& response, int status, const std::string& message);
//! True when the request says its body is JSON (Content-Type application/json).
bool HasJsonContentType(const httplib::Request& request);
//! The body of a POST as a JSON object: an Error naming the problem (syntax, not an object).
Result<nlohmann::json> ParseJsonObject(const httplib::Request& request);
//! The string member `name` of `body`: empty when absent; an Error when it is not a string.
Result<std::string> StringMember(const nlohmann::json& body, const std::string& name);

}  // namespace crm::server
