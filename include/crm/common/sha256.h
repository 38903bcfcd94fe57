#pragma once
// SHA-256 digests of files and strings, as lower-case hex.

#include <functional>
#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm {

//! Hex SHA-256 of a byte string.
std::string Sha256Hex(std::string_view bytes);

//! Hex SHA-256 of a file's contents; an Error naming the file when it cannot be read. The file is read a
//! megabyte at a time; `before_chunk`, when given, is called before each (a pause, for background work).
Result<std::string> Sha256File(const std::string& path, const std::function<void()>& before_chunk = {});

}  // namespace crm
