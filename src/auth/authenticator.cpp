#include "crm/auth/authenticator.h"

#include <algorithm>

#include "crm/auth/api_tokens.h"
#include "crm/auth/secrets.h"
#include "crm/auth/user_directory.h"
#include "crm/store/sqlite.h"
#include "user_rows.h"

namespace crm::auth {

namespace {

//! How long the answer to "do users exist?" is trusted.
constexpr std::chrono::seconds kUsersRecheck{1};
//! The longest name of a failed sign-in kept in the audit log.
constexpr size_t kMaxLoggedName = 64;

}  // namespace

Result<std::unique_ptr<Authenticator>> Authenticator::Open(const std::string& store_path,
                                                           AuthOptions options) {
  auto store = store::Store::Open(store_path);
  if (!store.ok()) return store.error();
  return std::unique_ptr<Authenticator>(new Authenticator(std::move(store).value(), options));
}

Authenticator::Authenticator(std::unique_ptr<store::Store> store, AuthOptions options)
    : store_(std::move(store)),
      options_(options),
      throttle_(options.max_failed_sign_ins, options.lockout),
      address_throttle_(options.max_failed_sign_ins_per_address, options.lockout) {}

Result<bool> Authenticator::UsersExist() {
  const int64_t now = Clock::now().time_since_epoch().count();
  const int64_t checked = users_checked_.load(std::memory_order_acquire);
  if (checked != 0 && now - checked < std::chrono::nanoseconds(kUsersRecheck).count()) {
    return users_exist_.load(std::memory_order_acquire);
  }
  std::lock_guard lock(store_mutex_);
  auto any = UserDirectory(store_->connection()).Any();
  if (!any.ok()) return any.error();
  users_exist_.store(*any, std::memory_order_release);
  users_checked_.store(now, std::memory_order_release);
  return *any;
}

Status Authenticator::ForgetIfStoreChanged() {
  const int64_t now = Clock::now().time_since_epoch().count();
  const int64_t watched = store_watched_.load(std::memory_order_acquire);
  if (watched != 0 && now - watched < std::chrono::nanoseconds(options_.store_watch).count()) return {};
  std::lock_guard lock(store_mutex_);
  auto version = store::QueryInt64(store_->connection(), "PRAGMA data_version");
  if (!version.ok()) return version.error();
  store_watched_.store(now, std::memory_order_release);
  if (*version == data_version_) return {};
  data_version_ = *version;
  users_checked_.store(0, std::memory_order_release);
  std::unique_lock cache_lock(cache_mutex_);
  sessions_.clear();
  tokens_.clear();
  return {};
}

std::optional<Identity> Authenticator::Fresh(const Cache& cache, const std::string& token_hash,
                                             Clock::time_point now) {
  std::shared_lock lock(cache_mutex_);
  const auto found = cache.find(token_hash);
  if (found == cache.end() || now - found->second.checked >= options_.recheck) return std::nullopt;
  return found->second.identity;
}

std::optional<Identity> Authenticator::Remember(Cache& cache, const std::string& token_hash,
                                                std::optional<Identity> identity, Clock::time_point now) {
  std::unique_lock lock(cache_mutex_);
  if (identity) {
    cache[token_hash] = {*identity, now};
  } else {
    cache.erase(token_hash);
  }
  return identity;
}

void Authenticator::PruneCaches() {
  const Clock::time_point now = Clock::now();
  const auto stale = [&](const auto& entry) { return now - entry.second.checked >= options_.recheck; };
  std::unique_lock lock(cache_mutex_);
  std::erase_if(sessions_, stale);
  std::erase_if(tokens_, stale);
}

Result<std::optional<Identity>> Authenticator::LoadSession(const std::string& token_hash) {
  std::lock_guard lock(store_mutex_);
  auto session = SessionTable(store_->connection()).Find(token_hash);
  if (!session.ok()) return session.error();
  if (!*session) return std::optional<Identity>();
  return std::optional<Identity>(
      Identity{CallerOf((*session)->user), Proof::kSession, (*session)->csrf_token});
}

Result<std::optional<Identity>> Authenticator::LoadApiToken(const std::string& token_hash) {
  std::lock_guard lock(store_mutex_);
  ApiTokenTable tokens(store_->connection());
  auto user = tokens.Find(token_hash);
  if (!user.ok()) return user.error();
  if (!*user) return std::optional<Identity>();
  if (Status touched = tokens.Touch(token_hash); !touched.ok()) return touched.error();
  return std::optional<Identity>(Identity{CallerOf(**user), Proof::kApiToken, ""});
}

Result<std::optional<Identity>> Authenticator::Identify(std::string_view session_token,
                                                        std::string_view api_token) {
  if (Status watched = ForgetIfStoreChanged(); !watched.ok()) return watched.error();
  auto users = UsersExist();
  if (!users.ok()) return users.error();
  if (!*users) {
    if (options_.allow_local_admin)
      return std::optional<Identity>(Identity{LocalAdmin(), Proof::kLocalAdmin, ""});
    return std::optional<Identity>();
  }
  const bool by_token = !api_token.empty();
  if (!by_token && session_token.empty()) return std::optional<Identity>();
  Cache& cache = by_token ? tokens_ : sessions_;
  const std::string token_hash = TokenHash(by_token ? api_token : session_token);
  const Clock::time_point now = Clock::now();
  if (auto cached = Fresh(cache, token_hash, now)) return cached;
  auto loaded = by_token ? LoadApiToken(token_hash) : LoadSession(token_hash);
  if (!loaded.ok()) return loaded.error();
  return Remember(cache, token_hash, std::move(loaded).value(), now);
}

int Authenticator::SignInWaitSeconds(std::string_view name, std::string_view address) {
  const int by_name = throttle_.WaitSeconds(name);
  return address.empty() ? by_name : std::max(by_name, address_throttle_.WaitSeconds(address));
}

Result<std::optional<SignedIn>> Authenticator::SignIn(std::string_view name, std::string_view password,
                                                      std::string_view address) {
  Result<std::optional<UserWithHash>> found = Error{""};
  {
    std::lock_guard lock(store_mutex_);
    found = FindUserWithHash(store_->connection(), name);
  }
  if (!found.ok()) return found.error();
  std::optional<User> user;
  {
    std::lock_guard lock(password_mutex_);
    user = CheckPassword(*found, password);
  }
  const std::string logged_name(name.substr(0, kMaxLoggedName));
  if (!user) {
    throttle_.RecordFailure(name);
    if (!address.empty()) address_throttle_.RecordFailure(address);
    if (Status audited = Audit(logged_name, "sign_in", {{"ok", false}}); !audited.ok())
      return audited.error();
    return std::optional<SignedIn>();
  }
  throttle_.RecordSuccess(name);
  Result<NewSession> session = Error{""};
  {
    std::lock_guard lock(store_mutex_);
    session = SessionTable(store_->connection()).Create(user->name, options_.session_lifetime);
  }
  if (!session.ok()) return session.error();
  PruneCaches();
  if (Status audited = Audit(logged_name, "sign_in", {{"ok", true}}); !audited.ok()) return audited.error();
  return std::optional<SignedIn>(SignedIn{CallerOf(*user), std::move(session).value()});
}

Status Authenticator::SignOut(std::string_view session_token) {
  const std::string token_hash = TokenHash(session_token);
  Remember(sessions_, token_hash, std::nullopt, Clock::now());
  std::lock_guard lock(store_mutex_);
  return SessionTable(store_->connection()).Delete(token_hash);
}

Status Authenticator::Audit(std::string_view user, std::string_view action, const nlohmann::json& detail) {
  std::lock_guard lock(store_mutex_);
  return AuditLog(store_->connection()).Append(user, action, detail);
}

Result<std::vector<AuditEntry>> Authenticator::RecentAudit(size_t limit) {
  std::lock_guard lock(store_mutex_);
  return AuditLog(store_->connection()).Recent(limit);
}

}  // namespace crm::auth
