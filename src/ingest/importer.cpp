#include "crm/ingest/importer.h"

#include <malloc.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <future>
#include <map>

#include "crm/common/pause_gate.h"
#include "crm/common/sha256.h"
#include "crm/ingest/outliers.h"
#include "crm/ingest/problem_log.h"
#include "crm/ingest/table_readers.h"

namespace crm::ingest {

namespace fs = std::filesystem;

namespace {

//! Digests of the files present, keyed by file name.
using Digests = std::map<std::string, Result<std::string>>;

// Hashes `paths` on the calling thread, pausing between megabytes while `busy` is closed (see
// ImportFolder). Stops before the next file once `stop` is set.
Digests HashFiles(const std::vector<std::string>& paths, const std::atomic<bool>& stop, PauseGate& busy) {
  Digests digests;
  for (const std::string& path : paths) {
    if (stop) break;
    digests.emplace(fs::path(path).filename().string(), Sha256File(path, [&busy] { busy.WaitOpen(); }));
  }
  return digests;
}

Status ReadAll(const std::string& folder, bool with_activities, size_t split_min_bytes, PauseGate& busy,
               Dataset& data, ProblemLog& log) {
  const auto path = [&](const char* name) { return (fs::path(folder) / name).string(); };
  std::vector<int64_t> account_lines;
  LineMap pipeline_lines;
  if (Status s = ReadSalesTeams(path("sales_teams.csv"), data, log); !s) return s;
  if (Status s = ReadProducts(path("products.csv"), data, log); !s) return s;
  if (Status s = ReadAccounts(path("accounts.csv"), data, log, account_lines); !s) return s;
  if (Status s = ReadPipeline(path("sales_pipeline.csv"), data, log, pipeline_lines, split_min_bytes, &busy);
      !s)
    return s;
  if (with_activities) {
    if (Status s = ReadActivities(path("activities.csv"), data, log, split_min_bytes, &busy); !s) return s;
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
  // The heap gives back what it keeps of earlier work (a dataset freed since, say) before the import
  // allocates hundreds of megabytes: the peak is the import's, not the import's plus the leftovers.
  malloc_trim(0);
  // The files are hashed on another thread from the start. It pauses while both halves of a large file
  // are being read, which keeps both cores busy, and takes the time the reading leaves (the small files,
  // the half that finishes first, the single-threaded checks and joins) instead of a core of its own at
  // the end. A pause rather than a low priority: that would also yield to every other program.
  std::atomic<bool> stop_hashing = false;  // a failed import needs no digests
  PauseGate reading_in_halves;
  std::future<Digests> digests =
      std::async(std::launch::async, HashFiles, paths, std::cref(stop_hashing), std::ref(reading_in_halves));

  ImportResult result;
  result.report.source = fs::absolute(folder, error).lexically_normal().string();
  ProblemLog log(result.report, options.strict);
  if (!with_activities) log.Warn("activities.csv not found: activity-based measures are off");
  const Status status =
      ReadAll(folder, with_activities, options.split_min_bytes, reading_in_halves, result.data, log);
  if (!status) {
    stop_hashing = true;
    return status.error();  // the hashing thread is waited for as `digests` goes
  }
  Digests hashes = digests.get();
  for (FileReport& file : result.report.files) {
    auto& digest = hashes.at(file.name);
    if (!digest.ok()) return digest.error();
    file.sha256 = *digest;
  }
  return result;
}

}  // namespace crm::ingest
