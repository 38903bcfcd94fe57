#include "crm/llm/dotenv.h"

#include <fstream>
#include <optional>
#include <sstream>

namespace crm::llm {

namespace {

constexpr std::string_view kSpaces = " \t";

std::string_view Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(kSpaces);
  if (begin == std::string_view::npos) return {};
  const size_t end = text.find_last_not_of(kSpaces);
  return text.substr(begin, end - begin + 1);
}

bool IsValidName(std::string_view name) {
  if (name.empty() || (name[0] >= '0' && name[0] <= '9')) return false;
  for (char c : name) {
    const bool word = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!word) return false;
  }
  return true;
}

//! The value of a double-quoted string starting after the opening quote; nullopt when unterminated or
//! followed by anything but a comment.
std::optional<std::string> DoubleQuoted(std::string_view rest) {
  std::string value;
  for (size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c == '"') {
      const std::string_view after = Trim(rest.substr(i + 1));
      if (!after.empty() && after[0] != '#') return std::nullopt;
      return value;
    }
    if (c == '\\' && i + 1 < rest.size()) {
      const char escaped = rest[++i];
      value += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
    } else {
      value += c;
    }
  }
  return std::nullopt;
}

//! The value of a single-quoted string starting after the opening quote (no escapes).
std::optional<std::string> SingleQuoted(std::string_view rest) {
  const size_t close = rest.find('\'');
  if (close == std::string_view::npos) return std::nullopt;
  const std::string_view after = Trim(rest.substr(close + 1));
  if (!after.empty() && after[0] != '#') return std::nullopt;
  return std::string(rest.substr(0, close));
}

//! An unquoted value: up to a comment that follows whitespace, trimmed.
std::string Unquoted(std::string_view raw) {
  for (size_t i = 1; i < raw.size(); ++i) {
    if (raw[i] == '#' && (raw[i - 1] == ' ' || raw[i - 1] == '\t'))
      return std::string(Trim(raw.substr(0, i)));
  }
  return std::string(Trim(raw));
}

std::optional<std::string> ParseValue(std::string_view raw) {
  raw = Trim(raw);
  if (!raw.empty() && raw[0] == '"') return DoubleQuoted(raw.substr(1));
  if (!raw.empty() && raw[0] == '\'') return SingleQuoted(raw.substr(1));
  return Unquoted(raw);
}

}  // namespace

Result<EnvMap> ParseDotEnv(std::string_view text, std::string_view source_name) {
  EnvMap values;
  size_t line_number = 0;
  while (!text.empty()) {
    ++line_number;
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = Trim(line);
    if (line.empty() || line[0] == '#') continue;
    if (line.starts_with("export ") || line.starts_with("export\t")) line = Trim(line.substr(7));
    const size_t equals = line.find('=');
    const std::string where = std::string(source_name) + ":" + std::to_string(line_number);
    if (equals == std::string_view::npos) return Error{where + ": expected KEY=value"};
    const std::string_view name = Trim(line.substr(0, equals));
    if (!IsValidName(name)) return Error{where + ": the variable name is not a valid identifier"};
    std::optional<std::string> value = ParseValue(line.substr(equals + 1));
    if (!value) return Error{where + ": unterminated quote or text after the closing quote"};
    values.insert_or_assign(std::string(name), std::move(*value));
  }
  return values;
}

Result<EnvMap> ReadDotEnvFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return EnvMap{};
  std::ostringstream contents;
  contents << file.rdbuf();
  return ParseDotEnv(contents.str(), path);
}

}  // namespace crm::llm
