#pragma once
// The JSON text of unfiltered insights, computed once: the dashboard's most frequent requests.

#include <map>
#include <optional>
#include <shared_mutex>
#include <string>

namespace crm::server {

//! Scope and insight type ("all/forecast") → the dumped JSON of that insight without filters; safe to
//! share across threads.
class InsightCache {
 public:
  //! The cached text of `key`, or nullopt.
  std::optional<std::string> Find(const std::string& key) const;
  //! Keeps `text` as the answer for `key`.
  void Put(const std::string& key, std::string text);

 private:
  mutable std::shared_mutex mutex_;
  std::map<std::string, std::string, std::less<>> texts_;
};

}  // namespace crm::server
