#pragma once
// Helpers shared by the tests: temporary folders, running the CLI, the shared data set.

#include <filesystem>
#include <string>

namespace crm::test {

//! A fresh temporary directory, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  //! The directory's path.
  const std::filesystem::path& path() const { return path_; }
  //! Path of a file inside the directory.
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

//! Writes `contents` to `path` exactly as given (no newline translation).
void WriteFile(const std::string& path, const std::string& contents);
//! Reads a whole file.
std::string ReadFile(const std::string& path);

//! The outcome of running the CLI.
struct CliRun {
  int exit_code;
  std::string out;  //!< standard output
  std::string err;  //!< standard error
};

//! Runs the built crm-assistant with `args` (a shell-quoted argument string).
CliRun RunCli(const std::string& args);
//! Runs the built crm-assistant with `args`, `input` on its standard input.
CliRun RunCliWithInput(const std::string& args, const std::string& input);

//! Folder of the Kaggle data set, or empty when ../shared is absent.
std::string SharedDataDir();

}  // namespace crm::test

//! Skips the current test with a clear message when the shared Kaggle data is absent.
#define CRM_REQUIRE_SHARED_DATA()                                                        \
  do {                                                                                   \
    if (crm::test::SharedDataDir().empty())                                              \
      GTEST_SKIP() << "../shared/data/maven-crm is absent: skipping the real-data test"; \
  } while (0)
