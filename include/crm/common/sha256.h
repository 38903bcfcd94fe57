#pragma once
// SHA-256 digests of files and strings, as lower-case hex.

#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm {

//! Hex SHA-256 of a byte string.
std::string Sha256Hex(std::string_view bytes);

//! Hex SHA-256 of a file's contents; an Error naming the file when it cannot be read.
Result<std::string> Sha256File(const std::string& path);

}  // namespace crm
