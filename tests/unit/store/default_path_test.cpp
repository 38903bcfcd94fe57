#include "crm/store/default_path.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "support/test_support.h"

namespace crm::store {
namespace {

// Sets or unsets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value == nullptr)
      unsetenv(name);
    else
      setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(DefaultDbPathTest, CrmDbWins) {
  ScopedEnv db("CRM_DB", "/somewhere/my.db");
  ScopedEnv xdg("XDG_DATA_HOME", "/elsewhere");
  EXPECT_EQ(DefaultDbPath(), "/somewhere/my.db");
}

TEST(DefaultDbPathTest, XdgDataHomeIsUsedAndTheFolderCreated) {
  crm::test::TempDir dir;
  ScopedEnv db("CRM_DB", nullptr);
  ScopedEnv xdg("XDG_DATA_HOME", dir.path().c_str());
  EXPECT_EQ(DefaultDbPath(), (dir.path() / "crm-assistant" / "crm.db").string());
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / "crm-assistant"));
}

TEST(DefaultDbPathTest, FallsBackToHomeWhenXdgDataHomeIsUnsetOrRelative) {
  crm::test::TempDir dir;
  ScopedEnv db("CRM_DB", "");
  ScopedEnv home("HOME", dir.path().c_str());
  const std::string expected = (dir.path() / ".local" / "share" / "crm-assistant" / "crm.db").string();
  {
    ScopedEnv xdg("XDG_DATA_HOME", nullptr);
    EXPECT_EQ(DefaultDbPath(), expected);
  }
  {
    ScopedEnv xdg("XDG_DATA_HOME", "relative/data");
    EXPECT_EQ(DefaultDbPath(), expected);
  }
  EXPECT_TRUE(std::filesystem::is_directory(dir.path() / ".local" / "share" / "crm-assistant"));
}

}  // namespace
}  // namespace crm::store
