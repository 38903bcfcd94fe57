#include "password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <optional>
#include <string>

namespace crm::cli {

namespace {

//! One line of standard input without its line ending; nullopt at end of input.
std::optional<std::string> ReadLine() {
  std::string line;
  if (!std::getline(std::cin, line) && line.empty()) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

//! Reads a line from the terminal after `prompt`, with echo turned off meanwhile.
std::optional<std::string> PromptHidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios hidden = saved;
    hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
  }
  std::optional<std::string> line = ReadLine();
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::cerr << '\n';
  return line;
}

}  // namespace

Result<std::string> ReadPassword(const std::string& user, bool from_stdin) {
  if (from_stdin || isatty(STDIN_FILENO) == 0) {
    std::optional<std::string> line = ReadLine();
    if (!line) return Error{"no password on standard input: send it as one line"};
    return *line;
  }
  std::optional<std::string> first = PromptHidden("Password for " + user + ": ");
  if (!first) return Error{"no password typed"};
  std::optional<std::string> second = PromptHidden("The same password again: ");
  if (!second || *second != *first) return Error{"the two passwords differ"};
  return *first;
}

}  // namespace crm::cli
