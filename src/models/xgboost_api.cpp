#include "xgboost_api.h"

#include <string>

namespace crm::models {

namespace {

// The first line of an XGBoost message without its time stamp: "[15:36:43] src/learner.cc:1463: Check
// failed: … : \nStack trace: …" gives "src/learner.cc:1463: Check failed: …".
std::string_view MessageLine(std::string_view message) {
  message = message.substr(0, message.find('\n'));
  if (message.starts_with('[')) {
    const size_t stamp_end = message.find("] ");
    if (stamp_end != std::string_view::npos) message.remove_prefix(stamp_end + 2);
  }
  const size_t last = message.find_last_not_of(" :");
  return message.substr(0, last == std::string_view::npos ? 0 : last + 1);
}

}  // namespace

Status CheckXgboost(int code, std::string_view doing) {
  if (code == 0) return Status::Ok();
  return Error{std::string(doing) + ": " + std::string(MessageLine(XGBGetLastError()))};
}

void SilenceXgboost() {
  thread_local const bool silenced = XGBSetGlobalConfig(R"({"verbosity": 0})") == 0;
  (void)silenced;
}

}  // namespace crm::models
