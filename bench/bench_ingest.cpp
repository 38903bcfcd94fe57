// Data-layer benchmark, one phase per process so that each peak RSS belongs to one phase:
//   bench_ingest csv DIR [--runs N]       ImportFolder: read, validate, clean, resolve references
//   bench_ingest save DIR DB [--runs N] [--replace]
//                                         ImportFolder once, then Store::ReplaceAll into a fresh DB, or with
//                                         --replace into a store that already holds that import (saved
//                                         once before timing), as a second `import` of the same folder
//   bench_ingest load DB [--runs N]       Store::Load
// Prints one JSON line: phase, seconds (wall clock, best of N runs), cpu_seconds (of that run, all
// threads), rows (all tables), dataset_mb (Dataset::MemoryBytes), peak_rss_mb (whole process) and, for
// save, setup_peak_rss_mb (after the import).
#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "crm/ingest/importer.h"
#include "crm/store/store.h"
#include "crm/store/timestamp.h"

namespace {

using Clock = std::chrono::steady_clock;

//! One timed run: how long the measured call took and what it held.
struct Sample {
  double seconds = 0;
  double cpu_seconds = 0;
  int64_t rows = 0;
  size_t dataset_bytes = 0;
};

//! CPU seconds used so far by all threads of this process.
double ProcessCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

//! Wall-clock and CPU time at one moment.
struct Instant {
  Clock::time_point wall = Clock::now();
  double cpu = ProcessCpuSeconds();
};

//! Peak resident set size of this process so far, in MiB (Linux reports ru_maxrss in KiB).
double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

//! `value` rounded to `decimals` places, for readable JSON.
double Round(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

//! Rows of every table of the dataset.
int64_t RowCount(const crm::Dataset& data) {
  return static_cast<int64_t>(data.accounts.size() + data.products.size() + data.sales_agents.size() +
                              data.opportunities.size() + data.activities.size());
}

//! The sample of a dataset produced between `start` and `end`.
Sample SampleOf(const Instant& start, const Instant& end, const crm::Dataset& data) {
  return {std::chrono::duration<double>(end.wall - start.wall).count(), end.cpu - start.cpu, RowCount(data),
          data.MemoryBytes()};
}

//! Runs `run` `runs` times and keeps the fastest sample; the first error ends the benchmark.
crm::Result<Sample> BestOf(int runs, const std::function<crm::Result<Sample>()>& run) {
  Sample best;
  for (int i = 0; i < runs; ++i) {
    crm::Result<Sample> sample = run();
    if (!sample.ok()) return sample.error();
    if (i == 0 || sample->seconds < best.seconds) best = *sample;
  }
  return best;
}

//! One timed ImportFolder of `dir`.
crm::Result<Sample> TimeImport(const std::string& dir) {
  const Instant start;
  auto imported = crm::ingest::ImportFolder(dir);
  const Instant end;
  if (!imported.ok()) return imported.error();
  return SampleOf(start, end, imported->data);
}

//! The import history entry the CLI would write for this import.
crm::store::ImportRecord RecordOf(const crm::ingest::ImportReport& report) {
  crm::store::ImportRecord record;
  record.started_at = record.finished_at = crm::store::UtcTimestampNow();
  record.source = report.source;
  for (const crm::ingest::FileReport& file : report.files) {
    record.files.push_back({file.name, file.sha256, file.rows_read, file.rows_kept, file.rows_dropped});
  }
  record.report_json = report.ToJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return record;
}

//! Removes the store file at `db` with its WAL and shared-memory files.
void RemoveStore(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

//! One timed ReplaceAll of `imported` into the store file at `db`: a new one (any old one is removed
//! first) unless `replace`, when it replaces the data already there.
crm::Result<Sample> TimeSave(const crm::ingest::ImportResult& imported,
                             const crm::store::ImportRecord& record, const std::string& db, bool replace) {
  if (!replace) RemoveStore(db);
  auto store = crm::store::Store::Open(db);
  if (!store.ok()) return store.error();
  const Instant start;
  auto id = (*store)->ReplaceAll(imported.data, record);
  const Instant end;
  if (!id.ok()) return id.error();
  return SampleOf(start, end, imported.data);
}

//! One timed Load from `store`.
crm::Result<Sample> TimeLoad(const crm::store::Store& store) {
  const Instant start;
  auto data = store.Load();
  const Instant end;
  if (!data.ok()) return data.error();
  return SampleOf(start, end, *data);
}

//! Prints the JSON line of a phase; `extra` adds phase-specific fields.
void Print(const std::string& phase, int runs, const Sample& best,
           nlohmann::json extra = nlohmann::json::object()) {
  nlohmann::json line = {{"phase", phase},
                         {"seconds", Round(best.seconds, 3)},
                         {"cpu_seconds", Round(best.cpu_seconds, 3)},
                         {"rows", best.rows},
                         {"runs", runs},
                         {"dataset_mb", Round(best.dataset_bytes / 1048576.0, 1)},
                         {"peak_rss_mb", Round(PeakRssMb(), 1)}};
  line.update(extra);
  std::cout << line.dump() << std::endl;
}

//! Prints the error of a failed phase and gives the exit code.
int Fail(const crm::Error& error) {
  std::cerr << "bench_ingest: " << error.message << "\n";
  return 1;
}

//! The csv phase.
int RunCsv(const std::string& dir, int runs) {
  auto best = BestOf(runs, [&] { return TimeImport(dir); });
  if (!best.ok()) return Fail(best.error());
  Print("csv", runs, *best);
  return 0;
}

//! The save phase.
int RunSave(const std::string& dir, const std::string& db, int runs, bool replace) {
  auto imported = crm::ingest::ImportFolder(dir);
  if (!imported.ok()) return Fail(imported.error());
  const double setup_peak = PeakRssMb();
  const crm::store::ImportRecord record = RecordOf(imported->report);
  if (replace) {  // the import to replace, not timed
    auto first = TimeSave(*imported, record, db, false);
    if (!first.ok()) return Fail(first.error());
  }
  auto best = BestOf(runs, [&] { return TimeSave(*imported, record, db, replace); });
  if (!best.ok()) return Fail(best.error());
  Print(replace ? "save-replace" : "save", runs, *best, {{"setup_peak_rss_mb", Round(setup_peak, 1)}});
  return 0;
}

//! The load phase.
int RunLoad(const std::string& db, int runs) {
  if (!std::filesystem::exists(db)) return Fail({db + ": no such store (run the save phase first)"});
  auto store = crm::store::Store::Open(db);
  if (!store.ok()) return Fail(store.error());
  auto best = BestOf(runs, [&] { return TimeLoad(**store); });
  if (!best.ok()) return Fail(best.error());
  Print("load", runs, *best);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times the data layer: CSV import, save into SQLite, load from SQLite (one JSON line)");
  int runs = 3;
  app.add_option("--runs", runs, "runs within this process; the fastest counts")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.require_subcommand(1);
  app.fallthrough();
  std::string dir, db;
  CLI::App* csv = app.add_subcommand("csv", "time ImportFolder(DIR)");
  csv->add_option("DIR", dir, "folder of CSV files")->required();
  CLI::App* save = app.add_subcommand("save", "import DIR, then time ReplaceAll into a fresh DB");
  save->add_option("DIR", dir, "folder of CSV files")->required();
  save->add_option("DB", db, "store file to create (replaced)")->required();
  bool replace = false;
  save->add_flag("--replace", replace, "time replacing the data of a store that holds the same import");
  CLI::App* load = app.add_subcommand("load", "time Store::Load of DB");
  load->add_option("DB", db, "store file written by the save phase")->required();
  CLI11_PARSE(app, argc, argv);

  if (csv->parsed()) return RunCsv(dir, runs);
  if (save->parsed()) return RunSave(dir, db, runs, replace);
  return RunLoad(db, runs);
}
