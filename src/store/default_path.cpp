#include "crm/store/default_path.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace crm::store {

namespace {

// The value of an environment variable; empty when unset.
std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

std::filesystem::path HomeDirectory() {
  std::string home = Environment("HOME");
  if (home.empty()) {
    if (const passwd* entry = getpwuid(getuid()); entry != nullptr && entry->pw_dir != nullptr)
      home = entry->pw_dir;
  }
  return home;
}

}  // namespace

std::string DefaultDbPath() {
  if (std::string db = Environment("CRM_DB"); !db.empty()) return db;
  // The XDG spec says to ignore a relative XDG_DATA_HOME.
  std::filesystem::path data_home = Environment("XDG_DATA_HOME");
  if (data_home.empty() || data_home.is_relative()) data_home = HomeDirectory() / ".local" / "share";
  const std::filesystem::path folder = data_home / "crm-assistant";
  std::error_code ignored;
  std::filesystem::create_directories(folder, ignored);
  return (folder / "crm.db").string();
}

}  // namespace crm::store
