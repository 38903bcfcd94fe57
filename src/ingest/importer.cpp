#include "crm/ingest/importer.h"

#include <filesystem>
#include <functional>
#include <future>
#include <map>

#include "crm/common/sha256.h"
#include "crm/ingest/outliers.h"
#include "crm/ingest/problem_log.h"
#include "crm/ingest/table_readers.h"

namespace crm::ingest {

namespace fs = std::filesystem;

namespace {

//! The files every import needs: all of kImportFiles but the last.
constexpr size_t kRequiredFiles = std::size(kImportFiles) - 1;

//! Digests of the files present, keyed by file name.
using Digests = std::map<std::string, Result<std::string>>;

Digests HashFiles(const std::vector<std::string>& paths) {
  Digests digests;
  for (const std::string& path : paths) digests.emplace(fs::path(path).filename().string(), Sha256File(path));
  return digests;
}

Status ReadAll(const std::string& folder, bool with_activities, size_t split_min_bytes,
               const std::function<void()>& activities_parsed, Dataset& data, ProblemLog& log) {
  const auto path = [&](const char* name) { return (fs::path(folder) / name).string(); };
  std::vector<int64_t> account_lines, pipeline_lines;
  if (Status s = ReadSalesTeams(path("sales_teams.csv"), data, log); !s) return s;
  if (Status s = ReadProducts(path("products.csv"), data, log); !s) return s;
  if (Status s = ReadAccounts(path("accounts.csv"), data, log, account_lines); !s) return s;
  if (Status s = ReadPipeline(path("sales_pipeline.csv"), data, log, pipeline_lines, split_min_bytes); !s)
    return s;
  if (with_activities) {
    if (Status s = ReadActivities(path("activities.csv"), data, log, split_min_bytes, activities_parsed); !s)
      return s;
  }
  FlagOutliers(data, pipeline_lines, account_lines, log.report());
  return Status::Ok();
}

}  // namespace

Result<ImportResult> ImportFolder(const std::string& folder, const ImportOptions& options) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return Error{folder + ": no such folder"};
  std::vector<std::string> paths;
  for (const char* name : kImportFiles) {
    const fs::path path = fs::path(folder) / name;
    if (fs::exists(path, error)) {
      paths.push_back(path.string());
    } else if (std::string_view(name) != "activities.csv") {
      return Error{
          path.string() +
          ": missing (an import needs sales_teams.csv, products.csv, accounts.csv and sales_pipeline.csv)"};
    }
  }
  const bool with_activities = paths.size() == std::size(kImportFiles);
  // The files are hashed on another thread: the required ones at once, activities.csv once its rows are
  // parsed, while this thread checks and joins them (both cores read it before; one is free then).
  std::future<Digests> digests =
      std::async(std::launch::async, HashFiles, std::vector(paths.begin(), paths.begin() + kRequiredFiles));
  std::future<Digests> activity_digest;
  const auto hash_activities = [&] {
    activity_digest = std::async(std::launch::async, HashFiles, std::vector{paths.back()});
  };

  ImportResult result;
  result.report.source = fs::absolute(folder, error).lexically_normal().string();
  ProblemLog log(result.report, options.strict);
  if (!with_activities) log.Warn("activities.csv not found: activity-based measures are off");
  const Status status =
      ReadAll(folder, with_activities, options.split_min_bytes, hash_activities, result.data, log);
  Digests hashes = digests.get();
  if (activity_digest.valid()) hashes.merge(activity_digest.get());
  if (!status) return status.error();
  for (FileReport& file : result.report.files) {
    auto& digest = hashes.at(file.name);
    if (!digest.ok()) return digest.error();
    file.sha256 = *digest;
  }
  return result;
}

}  // namespace crm::ingest
