// The authenticator: the local admin only while no users exist, sign-in with a session and its CSRF
// token, API tokens, sign-out, the lockout after failed sign-ins, the audit of every attempt, and a cache
// that is checked against the store again after its interval.
#include "crm/auth/authenticator.h"

#include <gtest/gtest.h>

#include "crm/auth/api_tokens.h"
#include "crm/auth/user_directory.h"
#include "support/test_support.h"

namespace crm::auth {
namespace {

//! A store file with the admin Ann, and an authenticator over it.
class AuthenticatorTest : public ::testing::Test {
 protected:
  //! Opens the authenticator with `options` over a store that has Ann when `with_users`.
  void Open(AuthOptions options, bool with_users = true) {
    store_ = std::move(store::Store::Open(dir_.File("crm.db"))).value();
    if (with_users) {
      ASSERT_TRUE(UserDirectory(store_->connection()).Add(ann_, "password-ann", nullptr).ok());
    }
    auto opened = Authenticator::Open(dir_.File("crm.db"), options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    auth_ = std::move(opened).value();
  }
  //! Who the session and API tokens prove, nullopt for nobody.
  std::optional<Identity> Who(const std::string& session, const std::string& api_token = "") {
    auto identity = auth_->Identify(session, api_token);
    EXPECT_TRUE(identity.ok());
    return identity.ok() ? *identity : std::nullopt;
  }

  test::TempDir dir_;
  User ann_{"Ann", Role::kAdmin, "", "", ""};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Authenticator> auth_;
};

TEST_F(AuthenticatorTest, WithoutUsersEveryCallerIsTheLocalAdminOnlyWhereAllowed) {
  Open({}, false);
  auto who = Who("");
  ASSERT_TRUE(who.has_value());
  EXPECT_TRUE(who->caller.local_admin);
  EXPECT_EQ(who->proof, Proof::kLocalAdmin);
  AuthOptions off_loopback;
  off_loopback.allow_local_admin = false;
  Open(off_loopback, false);
  EXPECT_FALSE(Who("").has_value());
}

TEST_F(AuthenticatorTest, SignInStartsASessionThatSignOutEnds) {
  Open({});
  EXPECT_FALSE(Who("").has_value());  // users exist: nobody is the local admin any more
  auto wrong = auth_->SignIn("Ann", "password-bob");
  ASSERT_TRUE(wrong.ok());
  EXPECT_FALSE(wrong->has_value());
  auto signed_in = auth_->SignIn("Ann", "password-ann");
  ASSERT_TRUE(signed_in.ok() && signed_in->has_value());
  const NewSession session = (*signed_in)->session;
  EXPECT_EQ((*signed_in)->caller.user, "Ann");
  auto who = Who(session.token);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->proof, Proof::kSession);
  EXPECT_EQ(who->csrf_token, session.csrf_token);
  EXPECT_EQ(who->caller.role, Role::kAdmin);
  EXPECT_FALSE(who->caller.local_admin);
  EXPECT_FALSE(Who(session.csrf_token).has_value());
  ASSERT_TRUE(auth_->SignOut(session.token).ok());
  EXPECT_FALSE(Who(session.token).has_value());

  auto audit = auth_->RecentAudit(10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[0].detail["ok"], true);
  EXPECT_EQ((*audit)[1].detail["ok"], false);
  EXPECT_EQ((*audit)[1].user, "Ann");
}

TEST_F(AuthenticatorTest, ApiTokensIdentifyTheirUserAndRevocationTakesEffectAtTheNextCheck) {
  AuthOptions options;
  options.recheck = std::chrono::hours(1);  // the cache alone answers after the first look-up
  options.store_watch = std::chrono::hours(1);
  Open(options);
  const std::string token = ApiTokenTable(store_->connection()).Create("Ann", "ci").value();
  auto who = Who("", token);
  ASSERT_TRUE(who.has_value());
  EXPECT_EQ(who->proof, Proof::kApiToken);
  EXPECT_EQ(who->csrf_token, "");
  EXPECT_FALSE(Who("", "crm_forged").has_value());
  ASSERT_EQ(ApiTokenTable(store_->connection()).Revoke("Ann", "").value(), 1);
  EXPECT_TRUE(Who("", token).has_value());  // cached

  options.recheck = std::chrono::milliseconds(0);
  auth_ = std::move(Authenticator::Open(dir_.File("crm.db"), options)).value();
  const std::string second = ApiTokenTable(store_->connection()).Create("Ann", "ci").value();
  EXPECT_TRUE(Who("", second).has_value());
  ASSERT_EQ(ApiTokenTable(store_->connection()).Revoke("Ann", "ci").value(), 1);
  EXPECT_FALSE(Who("", second).has_value());
}

TEST_F(AuthenticatorTest, AChangeByAnotherConnectionDropsTheCachedIdentitiesAtOnce) {
  AuthOptions options;
  options.recheck = std::chrono::hours(1);
  options.store_watch = std::chrono::milliseconds(0);
  Open(options);
  const std::string token = ApiTokenTable(store_->connection()).Create("Ann", "ci").value();
  ASSERT_TRUE(Who("", token).has_value());
  ASSERT_TRUE(Who("", token).has_value());  // from the cache: the store has not changed
  ASSERT_EQ(ApiTokenTable(store_->connection()).Revoke("Ann", "ci").value(), 1);
  EXPECT_FALSE(Who("", token).has_value());
}

TEST_F(AuthenticatorTest, FailedSignInsLockTheName) {
  AuthOptions options;
  options.max_failed_sign_ins = 2;
  Open(options);
  EXPECT_EQ(auth_->SignInWaitSeconds("Ann"), 0);
  for (int i = 0; i < 2; ++i) EXPECT_FALSE(auth_->SignIn("Ann", "guess-" + std::to_string(i))->has_value());
  EXPECT_GT(auth_->SignInWaitSeconds("Ann"), 0);
  EXPECT_EQ(auth_->SignInWaitSeconds("Bob"), 0);
}

TEST_F(AuthenticatorTest, OneAddressGuessingManyNamesIsLockedToo) {
  AuthOptions options;
  options.max_failed_sign_ins_per_address = 3;
  Open(options);
  for (const char* name : {"Ann", "Bob", "Cy"})
    EXPECT_FALSE(auth_->SignIn(name, "guess", "10.0.0.7")->has_value());
  EXPECT_EQ(auth_->SignInWaitSeconds("Dee"), 0);  // no name has failed five times
  EXPECT_GT(auth_->SignInWaitSeconds("Dee", "10.0.0.7"), 0);
  EXPECT_EQ(auth_->SignInWaitSeconds("Dee", "10.0.0.8"), 0);
}

}  // namespace
}  // namespace crm::auth
