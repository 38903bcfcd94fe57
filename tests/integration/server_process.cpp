#include "server_process.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <regex>
#include <vector>

namespace crm::test {

ServerProcess::ServerProcess(const std::string& global_args, const std::string& serve_args) {
  int pipe_ends[2];
  if (pipe(pipe_ends) != 0) return;
  const std::string command =
      "exec " + std::string(CRM_CLI_PATH) + " " + global_args + " serve --port 0 " + serve_args;
  pid_ = fork();
  if (pid_ == 0) {
    dup2(pipe_ends[1], STDOUT_FILENO);
    close(pipe_ends[0]);
    close(pipe_ends[1]);
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_ends[1]);
  FILE* out = fdopen(pipe_ends[0], "r");
  char line[512];
  const std::regex serving("Serving on http://127\\.0\\.0\\.1:([0-9]+)");
  // The read ends at the banner, or at end of file when the process exits.
  while (out && std::fgets(line, sizeof line, out)) {
    banner_ = line;
    std::smatch match;
    if (std::regex_search(banner_, match, serving)) {
      port_ = std::stoi(match[1]);
      break;
    }
  }
  if (out) std::fclose(out);
}

ServerProcess::~ServerProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::string EncodePathSegment(const std::string& text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char c : text) {
    if (std::isalnum(c)) {
      encoded += static_cast<char>(c);
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return encoded;
}

std::string RawHttp(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return "";
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
      send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size())) {
    std::vector<char> buffer(4096);
    for (ssize_t got; (got = recv(fd, buffer.data(), buffer.size(), 0)) > 0;)
      answer.append(buffer.data(), got);
  }
  close(fd);
  return answer;
}

}  // namespace crm::test
