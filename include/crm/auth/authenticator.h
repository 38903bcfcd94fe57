#pragma once
// Sign-in, sessions, API tokens and the audit log for a server: the store is the truth, and what a
// request needs is cached in memory so that identifying a caller rarely touches the store.

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crm/auth/audit_log.h"
#include "crm/auth/role.h"
#include "crm/auth/sessions.h"
#include "crm/auth/sign_in_throttle.h"
#include "crm/common/result.h"
#include "crm/store/store.h"

namespace crm::auth {

//! How the Authenticator behaves.
struct AuthOptions {
  bool allow_local_admin = true;                        //!< no users: every caller is the local admin
  std::chrono::seconds session_lifetime{12 * 60 * 60};  //!< a session ends this long after sign-in
  std::chrono::milliseconds recheck{5000};    //!< a cached session or token is checked against the store
                                              //!< again after this long (removals take effect by then)
  std::chrono::milliseconds store_watch{50};  //!< how often the store is asked whether another connection
                                              //!< (a CLI `user revoke-token`) changed it: then every
                                              //!< cached identity is dropped
  int max_failed_sign_ins = 5;                //!< failures in a row before a name is locked
  int max_failed_sign_ins_per_address = 20;   //!< failures (any names) before a client address is locked
  std::chrono::seconds lockout{30};           //!< how long a name stays locked
};

//! How a caller proved who they are.
enum class Proof { kLocalAdmin, kSession, kApiToken };

//! The caller of a request and what comes with how they signed in.
struct Identity {
  Caller caller;
  Proof proof = Proof::kLocalAdmin;
  std::string csrf_token;  //!< the session's CSRF token; empty for other proofs
};

//! A successful sign-in: the caller and their new session.
struct SignedIn {
  Caller caller;
  NewSession session;
};

//! Identifies callers and signs them in and out; safe to share across request threads.
class Authenticator {
 public:
  //! An authenticator over the store at `store_path` (opened, and migrated, here).
  static Result<std::unique_ptr<Authenticator>> Open(const std::string& store_path, AuthOptions options);

  //! Who sent a request with `session_token` (the cookie's, may be empty) and `api_token` (the Bearer
  //! token, may be empty; it wins when given): nullopt when neither proves anybody. With no users and
  //! allow_local_admin, always the local admin. An Error when the store fails.
  Result<std::optional<Identity>> Identify(std::string_view session_token, std::string_view api_token);
  //! The seconds `name`, from client `address` (may be empty), must wait before trying to sign in again
  //! (0: it may try): the name and the address are each locked after their own run of failures.
  int SignInWaitSeconds(std::string_view name, std::string_view address = {});
  //! Checks the password and starts a session; nullopt for a wrong name or password. Records the
  //! attempt in the audit log and the throttles (of the name, and of `address` when given). An Error
  //! when the store fails.
  Result<std::optional<SignedIn>> SignIn(std::string_view name, std::string_view password,
                                         std::string_view address = {});
  //! Ends the session of `session_token`.
  Status SignOut(std::string_view session_token);
  //! How long a session lasts, in seconds (the cookie's Max-Age).
  long long SessionLifetimeSeconds() const { return options_.session_lifetime.count(); }
  //! True when at least one user exists (checked against the store at most once a second).
  Result<bool> UsersExist();
  //! Appends to the audit log.
  Status Audit(std::string_view user, std::string_view action, const nlohmann::json& detail);
  //! The latest `limit` audit entries, newest first.
  Result<std::vector<AuditEntry>> RecentAudit(size_t limit);

 private:
  using Clock = std::chrono::steady_clock;

  //! An identity as last read from the store.
  struct Cached {
    Identity identity;
    Clock::time_point checked;
  };
  //! Where a token's identity is cached.
  using Cache = std::unordered_map<std::string, Cached>;

  Authenticator(std::unique_ptr<store::Store> store, AuthOptions options);
  //! The cached identity of `token_hash` in `cache` while it is fresh, else nullopt.
  std::optional<Identity> Fresh(const Cache& cache, const std::string& token_hash, Clock::time_point now);
  //! Caches `identity` (or forgets the token when nullopt) and returns it.
  std::optional<Identity> Remember(Cache& cache, const std::string& token_hash,
                                   std::optional<Identity> identity, Clock::time_point now);
  //! Drops cached identities that would be checked again anyway (sessions nobody uses any more).
  void PruneCaches();
  //! Drops every cached identity when another connection changed the store since the last look (SQLite's
  //! data_version), looking at most once per `options_.store_watch`.
  Status ForgetIfStoreChanged();
  //! The session's identity from the store.
  Result<std::optional<Identity>> LoadSession(const std::string& token_hash);
  //! The API token's identity from the store (its last use recorded).
  Result<std::optional<Identity>> LoadApiToken(const std::string& token_hash);

  std::unique_ptr<store::Store> store_;
  AuthOptions options_;
  SignInThrottle throttle_;          //!< by user name
  SignInThrottle address_throttle_;  //!< by client address: one client guessing many names
  std::mutex store_mutex_;           //!< one statement at a time on the connection
  std::mutex password_mutex_;        //!< one argon2id check at a time: bounds its memory (64 MiB each)
  std::shared_mutex cache_mutex_;
  Cache sessions_;  //!< by the SHA-256 of the session token
  Cache tokens_;    //!< by the SHA-256 of the API token
  std::atomic<bool> users_exist_{false};
  std::atomic<int64_t> users_checked_{0};  //!< steady-clock nanoseconds of the last check; 0: never
  std::atomic<int64_t> store_watched_{0};  //!< steady-clock nanoseconds of the last data_version look
  int64_t data_version_ = -1;              //!< the store's data_version then (under store_mutex_)
};

}  // namespace crm::auth
