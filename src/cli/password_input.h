#pragma once
// Reading a password for `user add`: without echo from the terminal, or one line from standard input.

#include <string>

#include "crm/common/result.h"

namespace crm::cli {

//! The password for `user`: one line of standard input when `from_stdin` or when standard input is not a
//! terminal; else typed twice at the terminal without echo. An Error when nothing was read or the two
//! differ.
Result<std::string> ReadPassword(const std::string& user, bool from_stdin);

}  // namespace crm::cli
