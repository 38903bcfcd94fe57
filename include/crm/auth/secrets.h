#pragma once
// Secrets with libsodium: random tokens, what the store keeps of them, constant-time comparison, and
// argon2id password hashes.

#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::auth {

//! `prefix` followed by 32 random bytes as hex: a session or API token, shown once.
std::string RandomToken(std::string_view prefix = "");

//! What the store keeps of a token: its SHA-256 as hex.
std::string TokenHash(std::string_view token);

//! True when `a` equals `b`, in time that does not depend on where they differ.
bool SecretsEqual(std::string_view a, std::string_view b);

//! Shortest password accepted.
inline constexpr size_t kMinPasswordLength = 8;

//! The argon2id string (libsodium crypto_pwhash_str, interactive limits) of `password`; an Error when it
//! is shorter than kMinPasswordLength or memory runs out.
Result<std::string> HashPassword(std::string_view password);

//! True when `password` matches the argon2id string `hash`.
bool VerifyPassword(std::string_view hash, std::string_view password);

}  // namespace crm::auth
