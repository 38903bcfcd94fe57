#pragma once
// `.env` files: `KEY=value` lines with comments, quotes and an optional `export ` prefix.

#include <map>
#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::llm {

//! Variable names to values, as read from a `.env` file or the environment.
using EnvMap = std::map<std::string, std::string, std::less<>>;

//! Parses `.env` text. Blank lines and `#` comments are skipped; `export KEY=value` is accepted;
//! double-quoted values understand \n, \t, \" and \\; single-quoted values are literal; an unquoted
//! value ends at ` #`. Errors name the line only, never its contents (it may hold a key).
Result<EnvMap> ParseDotEnv(std::string_view text, std::string_view source_name = ".env");

//! Reads and parses a `.env` file; a missing file is an empty map.
Result<EnvMap> ReadDotEnvFile(const std::string& path);

}  // namespace crm::llm
