// Users in the store: roles checked against the data, passwords hashed, duplicates and unknown names
// refused, sessions and API tokens found only by their token and gone with their user; the audit log
// keeps entries newest first.
#include "crm/auth/user_directory.h"

#include <gtest/gtest.h>

#include "crm/auth/api_tokens.h"
#include "crm/auth/audit_log.h"
#include "crm/auth/secrets.h"
#include "crm/auth/sessions.h"
#include "crm/store/sqlite.h"
#include "crm/store/store.h"
#include "support/test_support.h"
#include "unit/store/sample_data.h"

namespace crm::auth {
namespace {

//! A fresh store with users Ann (admin) and Moe (rep of Moses Frase).
class UserDirectoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Store::Open(":memory:");
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    ASSERT_TRUE(users().Add({"Ann", Role::kAdmin, "", "", ""}, "password-ann", nullptr).ok());
    ASSERT_TRUE(users().Add({"Moe", Role::kRep, "Moses Frase", "", ""}, "password-moe", &data_).ok());
  }
  UserDirectory users() { return UserDirectory(store_->connection()); }

  Dataset data_ = store::test::SampleDataset();
  std::unique_ptr<store::Store> store_;
};

//! The message of a failed status, or "ok".
std::string MessageOf(const Status& status) { return status.ok() ? "ok" : status.error().message; }

TEST_F(UserDirectoryTest, ListsUsersByNameWithoutPasswords) {
  auto list = users().List();
  ASSERT_TRUE(list.ok()) << list.error().message;
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].name, "Ann");
  EXPECT_EQ((*list)[0].role, Role::kAdmin);
  EXPECT_EQ((*list)[1].sales_agent, "Moses Frase");
  EXPECT_EQ((*list)[1].created_at.size(), 20u);
  EXPECT_EQ(store::QueryInt64(store_->connection(),
                              "SELECT COUNT(*) FROM users WHERE password_hash LIKE '$argon2id$%'")
                .value(),
            2);
  EXPECT_TRUE(users().Any().value());
}

TEST_F(UserDirectoryTest, RefusesBadRolesNamesDuplicatesAndShortPasswords) {
  EXPECT_EQ(MessageOf(users().Add({"Ann", Role::kAdmin, "", "", ""}, "password-x", nullptr)),
            "the user 'Ann' already exists");
  EXPECT_EQ(MessageOf(users().Add({"Zed", Role::kRep, "Nobody", "", ""}, "password-x", &data_)),
            "unknown sales agent 'Nobody': not in the loaded data");
  EXPECT_EQ(MessageOf(users().Add({"Zed", Role::kManager, "", "Nobody", ""}, "password-x", &data_)),
            "unknown manager 'Nobody': not in the loaded data");
  EXPECT_NE(
      MessageOf(users().Add({"Zed", Role::kRep, "", "", ""}, "password-x", nullptr)).find("--sales-agent"),
      std::string::npos);
  EXPECT_NE(MessageOf(users().Add({"Zed", Role::kAdmin, "", "Dustin Brinkmann", ""}, "password-x", nullptr))
                .find("admin sees everything"),
            std::string::npos);
  EXPECT_NE(
      MessageOf(users().Add({" Zed", Role::kAdmin, "", "", ""}, "password-x", nullptr)).find("user name"),
      std::string::npos);
  EXPECT_NE(MessageOf(users().Add({"Zed", Role::kAdmin, "", "", ""}, "short", nullptr)).find("too short"),
            std::string::npos);
  EXPECT_EQ(MessageOf(users().Add({"Dee", Role::kManager, "", "Dustin Brinkmann", ""}, "password-d", &data_)),
            "ok");
  EXPECT_EQ(users().List()->size(), 3u);
}

TEST_F(UserDirectoryTest, VerifiesOnlyTheRightPasswordOfAKnownName) {
  auto right = users().Verify("Moe", "password-moe");
  ASSERT_TRUE(right.ok());
  ASSERT_TRUE(right->has_value());
  EXPECT_EQ((*right)->sales_agent, "Moses Frase");
  EXPECT_FALSE(users().Verify("Moe", "password-ann")->has_value());
  EXPECT_FALSE(users().Verify("Nobody", "password-moe")->has_value());
  EXPECT_FALSE(users().Verify("moe", "password-moe")->has_value());
}

TEST_F(UserDirectoryTest, SessionsAreFoundByTheirTokenUntilTheyEndOrExpire) {
  SessionTable sessions(store_->connection());
  auto session = sessions.Create("Moe", std::chrono::hours(1));
  ASSERT_TRUE(session.ok()) << session.error().message;
  EXPECT_EQ(store::QueryInt64(store_->connection(),
                              "SELECT COUNT(*) FROM sessions WHERE token_hash = '" + session->token + "'")
                .value(),
            0);  // the token itself is never stored
  auto found = sessions.Find(TokenHash(session->token));
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user.name, "Moe");
  EXPECT_EQ((*found)->csrf_token, session->csrf_token);
  EXPECT_FALSE(sessions.Find(TokenHash(session->csrf_token))->has_value());
  ASSERT_TRUE(sessions.Delete(TokenHash(session->token)).ok());
  EXPECT_FALSE(sessions.Find(TokenHash(session->token))->has_value());

  auto brief = sessions.Create("Ann", std::chrono::seconds(0));
  ASSERT_TRUE(brief.ok());
  EXPECT_FALSE(sessions.Find(TokenHash(brief->token))->has_value());  // already expired
  EXPECT_FALSE(sessions.Create("Nobody", std::chrono::hours(1)).ok());
}

TEST_F(UserDirectoryTest, ApiTokensWorkUntilRevokedAndGoWithTheirUser) {
  ApiTokenTable tokens(store_->connection());
  auto ci = tokens.Create("Moe", "ci");
  auto laptop = tokens.Create("Moe", "laptop");
  ASSERT_TRUE(ci.ok() && laptop.ok());
  EXPECT_EQ(ci->rfind("crm_", 0), 0u);
  ASSERT_TRUE(tokens.Find(TokenHash(*ci))->has_value());
  EXPECT_EQ((*tokens.Find(TokenHash(*ci)))->name, "Moe");
  EXPECT_FALSE(tokens.Find(TokenHash("crm_unknown"))->has_value());
  ASSERT_TRUE(tokens.Touch(TokenHash(*ci)).ok());
  EXPECT_EQ(store::QueryInt64(store_->connection(),
                              "SELECT COUNT(*) FROM api_tokens WHERE last_used_at IS NOT NULL")
                .value(),
            1);
  EXPECT_EQ(tokens.Revoke("Moe", "ci").value(), 1);
  EXPECT_FALSE(tokens.Find(TokenHash(*ci))->has_value());
  EXPECT_TRUE(tokens.Find(TokenHash(*laptop))->has_value());
  EXPECT_FALSE(tokens.Create("Nobody", "x").ok());

  ASSERT_TRUE(SessionTable(store_->connection()).Create("Moe", std::chrono::hours(1)).ok());
  ASSERT_TRUE(users().Remove("Moe").ok());
  EXPECT_FALSE(tokens.Find(TokenHash(*laptop))->has_value());
  EXPECT_EQ(store::QueryInt64(store_->connection(), "SELECT COUNT(*) FROM sessions").value(), 0);
  EXPECT_EQ(MessageOf(users().Remove("Moe")), "no user named 'Moe'");
}

TEST_F(UserDirectoryTest, TheAuditLogListsTheLatestEntriesFirst) {
  AuditLog log(store_->connection());
  ASSERT_TRUE(log.Append("Ann", "sign_in", {{"ok", true}}).ok());
  ASSERT_TRUE(log.Append("Moe", "ask", {{"question", "which deals?"}}).ok());
  ASSERT_TRUE(log.Append("Moe", "export", {{"format", "csv"}}).ok());
  auto recent = log.Recent(2);
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].action, "export");
  EXPECT_EQ((*recent)[1].detail["question"], "which deals?");
  EXPECT_EQ(AuditEntryJson((*recent)[1])["user"], "Moe");
}

}  // namespace
}  // namespace crm::auth
