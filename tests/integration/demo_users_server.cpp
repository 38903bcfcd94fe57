#include "integration/demo_users_server.h"

namespace crm::test {

DemoUsersServer::DemoUsersServer(const std::vector<DemoUser>& users, const std::string& serve_args) {
  if (RunCli("demo-data --out " + demo_dir() + " --opportunities 1500 --seed 5").exit_code != 0) return;
  for (const DemoUser& user : users) {
    const std::string add = global_args() + " user add " + user.name + " " + user.role_options;
    if (RunCliWithInput(add, "password-" + user.name + "\n").exit_code != 0) return;
    CliRun token = RunCli(global_args() + " user token " + user.name);
    if (token.exit_code != 0 || token.out.empty()) return;
    token.out.pop_back();  // the newline
    tokens_[user.name] = token.out;
  }
  server_ = std::make_unique<ServerProcess>(global_args(), serve_args);
}

std::string DemoUsersServer::global_args() const {
  return "--db " + dir_.File("crm.db") + " --data " + demo_dir();
}

}  // namespace crm::test
