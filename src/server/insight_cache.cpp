#include "insight_cache.h"

#include <mutex>

namespace crm::server {

std::optional<std::string> InsightCache::Find(const std::string& type) const {
  std::shared_lock lock(mutex_);
  const auto found = texts_.find(type);
  if (found == texts_.end()) return std::nullopt;
  return found->second;
}

void InsightCache::Put(const std::string& type, std::string text) {
  std::unique_lock lock(mutex_);
  texts_.emplace(type, std::move(text));
}

}  // namespace crm::server
