#include "crm/auth/secrets.h"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <cstdlib>

#include "crm/common/sha256.h"

namespace crm::auth {

namespace {

//! Initialises libsodium once; it cannot work without its random source, which is a broken system.
void EnsureSodium() {
  static const bool ready = [] {
    if (sodium_init() < 0) {
      std::fprintf(stderr, "fatal: libsodium failed to initialise\n");
      std::abort();
    }
    return true;
  }();
  (void)ready;
}

}  // namespace

std::string RandomToken(std::string_view prefix) {
  EnsureSodium();
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 65> hex;
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(prefix) + hex.data();
}

std::string TokenHash(std::string_view token) { return Sha256Hex(token); }

bool SecretsEqual(std::string_view a, std::string_view b) {
  EnsureSodium();
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  if (password.size() < kMinPasswordLength) {
    return Error{"the password is too short: use at least " + std::to_string(kMinPasswordLength) +
                 " characters"};
  }
  std::array<char, crypto_pwhash_STRBYTES> hash;
  if (crypto_pwhash_str(hash.data(), password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Error{"hashing the password ran out of memory"};
  }
  return std::string(hash.data());
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  EnsureSodium();
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace crm::auth
