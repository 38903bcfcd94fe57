// Tokens are random and hashed for the store; passwords are argon2id strings that verify only the
// password they were made from.
#include "crm/auth/secrets.h"

#include <gtest/gtest.h>

namespace crm::auth {
namespace {

TEST(SecretsTest, TokensAreRandomHexWithTheirPrefix) {
  const std::string a = RandomToken("crm_"), b = RandomToken("crm_");
  EXPECT_EQ(a.size(), 4u + 64u);
  EXPECT_EQ(a.rfind("crm_", 0), 0u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef", 4), std::string::npos);
  EXPECT_EQ(TokenHash(a).size(), 64u);
  EXPECT_NE(TokenHash(a), a);
  EXPECT_EQ(TokenHash(a), TokenHash(a));
}

TEST(SecretsTest, ComparesSecretsExactly) {
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
  EXPECT_FALSE(SecretsEqual("", "a"));
}

TEST(SecretsTest, PasswordHashesAreArgon2idAndVerifyOnlyTheirPassword) {
  auto hash = HashPassword("correct horse");
  ASSERT_TRUE(hash.ok()) << hash.error().message;
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u) << *hash;
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horsE"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse"));
  auto short_one = HashPassword("1234567");
  ASSERT_FALSE(short_one.ok());
  EXPECT_NE(short_one.error().message.find("at least 8"), std::string::npos);
}

}  // namespace
}  // namespace crm::auth
