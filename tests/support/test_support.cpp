#include "support/test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace crm::test {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  std::random_device device;
  path_ =
      std::filesystem::temp_directory_path() / ("crm-test-" + std::to_string(getpid()) + "-" +
                                                std::to_string(counter++) + "-" + std::to_string(device()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void WriteFile(const std::string& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

CliRun RunCli(const std::string& args) { return RunCliWithInput(args, ""); }

CliRun RunCliWithInput(const std::string& args, const std::string& input) {
  TempDir dir;
  const std::string out_path = dir.File("out"), err_path = dir.File("err"), in_path = dir.File("in");
  WriteFile(in_path, input);
  const std::string command =
      std::string(CRM_CLI_PATH) + " " + args + " >" + out_path + " 2>" + err_path + " <" + in_path;
  const int status = std::system(command.c_str());
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return {code, ReadFile(out_path), ReadFile(err_path)};
}

std::string SharedDataDir() {
  const std::filesystem::path dir(CRM_SHARED_DATA_DIR);
  return std::filesystem::exists(dir / "sales_pipeline.csv") ? dir.string() : std::string();
}

}  // namespace crm::test
