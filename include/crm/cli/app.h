#pragma once
// The command-line program as a library function, so tests and the executable share it.

namespace crm::cli {

//! Parses arguments, runs one command, returns the exit status (0 ok, 1 runtime error, 2 usage error).
int RunCli(int argc, char** argv);

}  // namespace crm::cli
