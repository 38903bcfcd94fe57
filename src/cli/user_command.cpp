// `crm-assistant user add|list|remove|token|revoke-token …`: who may sign in to the server, and the API
// tokens of their scripts.
#include <iostream>
#include <memory>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/auth/api_tokens.h"
#include "crm/auth/user_directory.h"
#include "crm/store/store.h"
#include "password_input.h"

namespace crm::cli {

namespace {

//! What `user` was asked to do.
struct UserRequest {
  std::string action;
  std::string name;
  std::string role;
  std::string sales_agent;
  std::string manager;
  std::string label;
  bool password_stdin = false;
};

//! The data a new user's sales agent or manager is checked against: --data, else the store's latest
//! import; nullopt when there is neither.
Result<std::optional<Dataset>> DataToCheck(const GlobalOptions& options, const store::Store& store) {
  if (options.data.empty()) {
    auto history = store.ImportHistory();
    if (!history.ok()) return history.error();
    if (history->empty()) return std::optional<Dataset>();
  }
  auto loaded = LoadData(options);
  if (!loaded.ok()) return loaded.error();
  return std::optional<Dataset>(std::move(loaded->data));
}

//! A JSON string, or null when `text` is empty (missing values stay missing).
nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

int AddUser(const GlobalOptions& options, const UserRequest& request, store::Store& store) {
  const std::optional<auth::Role> role = auth::ParseRole(request.role);
  if (!role) {
    std::cerr << "error: unknown role '" << request.role << "': use --role admin, manager or rep\n";
    return 2;
  }
  const auth::User user{request.name, *role, request.sales_agent, request.manager, ""};
  auto data = DataToCheck(options, store);
  if (!data.ok()) return Fail(data.error());
  if (Status valid = auth::ValidateUser(user, *data ? &**data : nullptr); !valid.ok())
    return Fail(valid.error());
  auto password = ReadPassword(request.name, request.password_stdin);
  if (!password.ok()) return Fail(password.error());
  auth::UserDirectory users(store.connection());
  if (Status added = users.Add(user, *password, *data ? &**data : nullptr); !added.ok())
    return Fail(added.error());
  std::cout << "Added " << request.name << " (" << request.role << ")" << std::endl;
  return 0;
}

int ListUsers(const GlobalOptions& options, store::Store& store) {
  auto users = auth::UserDirectory(store.connection()).List();
  if (!users.ok()) return Fail(users.error());
  if (options.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const auth::User& user : *users) {
      list.push_back({{"name", user.name},
                      {"role", auth::RoleName(user.role)},
                      {"sales_agent", TextOrNull(user.sales_agent)},
                      {"manager", TextOrNull(user.manager)},
                      {"created_at", user.created_at}});
    }
    PrintJson({{"users", list}});
    return 0;
  }
  if (users->empty())
    std::cout << "No users: the server serves the local admin on loopback only." << std::endl;
  for (const auth::User& user : *users) {
    const std::string& scope = user.role == auth::Role::kRep ? user.sales_agent : user.manager;
    std::cout << user.name << "  " << auth::RoleName(user.role) << (scope.empty() ? "" : "  " + scope) << "  "
              << user.created_at << '\n';
  }
  return 0;
}

int RemoveUser(const UserRequest& request, store::Store& store) {
  if (Status removed = auth::UserDirectory(store.connection()).Remove(request.name); !removed.ok()) {
    return Fail(removed.error());
  }
  std::cout << "Removed " << request.name << " with their sessions and API tokens" << std::endl;
  return 0;
}

int MakeToken(const GlobalOptions& options, const UserRequest& request, store::Store& store) {
  auto token = auth::ApiTokenTable(store.connection()).Create(request.name, request.label);
  if (!token.ok()) return Fail(token.error());
  std::cerr << "The token is shown only now: keep it secret (send it as Authorization: Bearer TOKEN)\n";
  if (options.json) {
    PrintJson({{"user", request.name}, {"label", request.label}, {"token", *token}});
  } else {
    std::cout << *token << std::endl;
  }
  return 0;
}

int RevokeTokens(const UserRequest& request, store::Store& store) {
  auto user = auth::UserDirectory(store.connection()).Find(request.name);
  if (!user.ok()) return Fail(user.error());
  if (!*user) return Fail(Error{"no user named '" + request.name + "'"});
  auto revoked = auth::ApiTokenTable(store.connection()).Revoke(request.name, request.label);
  if (!revoked.ok()) return Fail(revoked.error());
  std::cout << "Revoked " << *revoked << " API token" << (*revoked == 1 ? "" : "s") << " of " << request.name
            << std::endl;
  return 0;
}

}  // namespace

Command UserCommand(const GlobalOptions& options) {
  auto request = std::make_shared<UserRequest>();
  Command command{"user", "Manage who may sign in: add, list, remove, token, revoke-token", {}, nullptr};
  command.options.push_back({"ACTION", "add, list, remove, token or revoke-token", &request->action, true});
  command.options.push_back({"NAME", "the user's name (all actions but list)", &request->name});
  command.options.push_back({"--role", "add: admin, manager or rep", &request->role});
  command.options.push_back({"--sales-agent", "add: a rep's name in the sales teams", &request->sales_agent});
  command.options.push_back({"--manager", "add: a manager's name in the sales teams", &request->manager});
  command.options.push_back(
      {"--password-stdin", "add: read the password as one line of standard input", &request->password_stdin});
  command.options.push_back({"--label",
                             "token: what the token is for; revoke-token: only tokens with this label",
                             &request->label});
  command.run = [&options, request]() -> int {
    const std::string& action = request->action;
    if (action != "add" && action != "list" && action != "remove" && action != "token" &&
        action != "revoke-token") {
      std::cerr << "error: unknown action '" << action << "': use add, list, remove, token or revoke-token\n";
      return 2;
    }
    if (action != "list" && request->name.empty()) {
      std::cerr << "error: `user " << action << "` needs the user's NAME\n";
      return 2;
    }
    auto store = store::Store::Open(StorePath(options));
    if (!store.ok()) return Fail(store.error());
    if (action == "add") return AddUser(options, *request, **store);
    if (action == "list") return ListUsers(options, **store);
    if (action == "remove") return RemoveUser(*request, **store);
    if (action == "token") return MakeToken(options, *request, **store);
    return RevokeTokens(*request, **store);
  };
  return command;
}

}  // namespace crm::cli
