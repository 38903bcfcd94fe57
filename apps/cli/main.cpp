// crm-assistant: the command-line program. Everything it does lives in the library.
#include "crm/cli/app.h"

int main(int argc, char** argv) { return crm::cli::RunCli(argc, argv); }
