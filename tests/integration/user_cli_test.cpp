// `crm-assistant user …`: adding users with a password from standard input, the errors a user can act
// on, listing, API tokens shown once and revoked, removal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace crm {
namespace {

//! A store of its own and small demo data to check sales agents against.
class UserCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(
        test::RunCli("demo-data --out " + dir_.File("demo") + " --opportunities 300 --seed 2").exit_code, 0);
  }
  //! `crm-assistant --db STORE ARGS` with `input` on standard input.
  test::CliRun User(const std::string& args, const std::string& input = "") {
    return test::RunCliWithInput("--db " + dir_.File("crm.db") + " " + args, input);
  }

  test::TempDir dir_;
};

TEST_F(UserCliTest, AddsListsAndRemovesUsers) {
  auto added = User("user add ann --role admin", "password-ann\n");
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_EQ(added.out, "Added ann (admin)\n");
  const std::string data = "--data " + dir_.File("demo") + " ";
  ASSERT_EQ(
      User(data + "user add moe --role rep --sales-agent 'Aiden Marsh' --password-stdin", "password-moe")
          .exit_code,
      0);
  ASSERT_EQ(User(data + "user add hat --role manager --manager 'Harriet Okafor'", "password-hat\n").exit_code,
            0);
  auto listed = User("--json user list");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const nlohmann::json users = nlohmann::json::parse(listed.out)["users"];
  ASSERT_EQ(users.size(), 3u);
  EXPECT_EQ(users[0]["name"], "ann");
  EXPECT_TRUE(users[0]["sales_agent"].is_null());
  EXPECT_EQ(users[2]["name"], "moe");
  EXPECT_EQ(users[2]["role"], "rep");
  EXPECT_EQ(users[2]["sales_agent"], "Aiden Marsh");
  EXPECT_EQ(users[1]["manager"], "Harriet Okafor");
  EXPECT_FALSE(listed.out.find("argon2") != std::string::npos);

  auto removed = User("user remove moe");
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(nlohmann::json::parse(User("--json user list").out)["users"].size(), 2u);
  auto again = User("user remove moe");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "error: no user named 'moe'\n");
}

TEST_F(UserCliTest, RefusesWhatCannotBeAUserWithOneLine) {
  ASSERT_EQ(User("user add ann --role admin", "password-ann\n").exit_code, 0);
  const std::string data = "--data " + dir_.File("demo") + " ";
  const struct {
    std::string args;
    std::string input;
    int exit_code;
    std::string err;
  } cases[] = {
      {"user add ann --role admin", "password-x\n", 1, "error: the user 'ann' already exists\n"},
      {"user add bo --role boss", "password-x\n", 2,
       "error: unknown role 'boss': use --role admin, manager or rep\n"},
      {data + "user add bo --role rep --sales-agent 'No Body'", "password-x\n", 1,
       "error: unknown sales agent 'No Body': not in the loaded data\n"},
      {"user add bo --role admin", "short\n", 1,
       "error: the password is too short: use at least 8 characters\n"},
      {"user add bo --role admin", "", 1, "error: no password on standard input: send it as one line\n"},
      {"user frobnicate bo", "", 2,
       "error: unknown action 'frobnicate': use add, list, remove, token or revoke-token\n"},
      {"user add --role admin", "", 2, "error: `user add` needs the user's NAME\n"},
  };
  for (const auto& c : cases) {
    auto run = User(c.args, c.input);
    EXPECT_EQ(run.exit_code, c.exit_code) << c.args;
    EXPECT_EQ(run.err, c.err) << c.args;
  }
  EXPECT_EQ(nlohmann::json::parse(User("--json user list").out)["users"].size(), 1u);
}

TEST_F(UserCliTest, TokensArePrintedOnceAndRevokedByLabel) {
  ASSERT_EQ(User("user add ann --role admin", "password-ann\n").exit_code, 0);
  auto ci = User("user token ann --label ci");
  ASSERT_EQ(ci.exit_code, 0) << ci.err;
  EXPECT_EQ(ci.out.rfind("crm_", 0), 0u);
  EXPECT_EQ(ci.out.size(), 4u + 64u + 1u);
  auto json = User("--json user token ann --label laptop");
  EXPECT_EQ(nlohmann::json::parse(json.out)["label"], "laptop");
  EXPECT_NE(ci.out, json.out);
  EXPECT_EQ(User("user revoke-token ann --label ci").out, "Revoked 1 API token of ann\n");
  EXPECT_EQ(User("user revoke-token ann").out, "Revoked 1 API token of ann\n");
  EXPECT_EQ(User("user token nobody").err, "error: no user named 'nobody'\n");
  EXPECT_EQ(User("user revoke-token nobody").exit_code, 1);
}

}  // namespace
}  // namespace crm
