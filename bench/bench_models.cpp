// Models benchmark: training with cross-validation, one score with its reasons, and scoring every open
// deal, timed in-process on a dataset imported from a CSV folder (the import is not timed here), or on
// the data and models of a store (`crm-assistant train` done: nothing is trained then).
//   bench_models DIR [--runs N] [--train-only]     bench_models --db STORE [--runs N]
// Prints one JSON line per measurement: {"measure", "ms", "runs", "rows"}; "train_all" is one full
// `train` of the three models together (each: settings search by 5-fold cross-validation, calibration,
// final fit; all their fits in one pool of two threads), its best wall time and, as "cpu_ms", its best
// CPU time of all threads; "train:<model>" gives each model's rows and cross-validated AUC; "score_one" the
// median and p99 of single scores with reasons (wall time, and the thread's CPU time, which other processes
// on a busy machine do not inflate), "score_all" every open Engaging deal scored at once.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <time.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/data/dataset_fingerprint.h"
#include "crm/models/deal_examples.h"
#include "crm/models/deal_scorer.h"
#include "crm/models/model_codec.h"
#include "crm/models/model_set.h"
#include "crm/models/trainer.h"
#include "crm/store/store.h"

namespace {

double Milliseconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

//! CPU time of the calling thread, in milliseconds.
double ThreadCpuMilliseconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

//! CPU time of the whole process (every thread), in milliseconds.
double ProcessCpuMilliseconds() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double Best(int runs, const std::function<void()>& work) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) best = std::min(best, Milliseconds(work));
  return best;
}

//! The median and the 99th percentile of `times`, sorted in place.
std::pair<double, double> MedianAndP99(std::vector<double>& times) {
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[times.size() * 99 / 100]};
}

//! The store's data and models (trained on that data); nullopt after printing "error: <message>".
std::optional<std::pair<crm::Dataset, crm::models::ModelSet>> LoadStore(const std::string& path) {
  auto store = crm::store::Store::Open(path);
  if (!store.ok()) {
    std::cerr << "error: " << store.error().message << '\n';
    return std::nullopt;
  }
  auto data = (*store)->Load();
  if (!data.ok()) {
    std::cerr << "error: " << data.error().message << '\n';
    return std::nullopt;
  }
  auto models = crm::models::ModelSet::Load(**store, crm::DatasetFingerprint(*data));
  if (!models.ok()) {
    std::cerr << "error: " << models.error().message << '\n';
    return std::nullopt;
  }
  return std::pair{std::move(data).value(), std::move(models).value()};
}

void Print(const std::string& measure, double ms, int runs, size_t rows, nlohmann::json extra = {}) {
  nlohmann::json line = {
      {"measure", measure}, {"ms", std::round(ms * 1000) / 1000}, {"runs", runs}, {"rows", rows}};
  if (extra.is_object()) line.update(extra);
  std::cout << line.dump() << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times the models: training with cross-validation, single scores, scoring all open deals");
  std::string folder;
  std::string db;
  int runs = 3;
  bool train_only = false;
  app.add_option("DIR", folder, "CSV folder (Kaggle layout)");
  app.add_option("--db", db, "score with the data and models of this store instead (no training)");
  app.add_option("--runs", runs, "runs per measurement (best is kept)");
  app.add_flag("--train-only", train_only, "stop after training");
  CLI11_PARSE(app, argc, argv);
  if (folder.empty() == db.empty()) {
    std::cerr << "error: give either a CSV folder or --db STORE\n";
    return 2;
  }

  std::optional<crm::Dataset> loaded;
  crm::models::ModelSet models;
  if (!db.empty()) {
    auto stored = LoadStore(db);
    if (!stored) return 1;
    loaded = std::move(stored->first);
    models = std::move(stored->second);
  } else {
    loaded = crm::bench::ImportOrReport(folder);
    if (!loaded) return 1;
  }
  const crm::Dataset& data = *loaded;
  if (db.empty()) {
    // All three models train together (TrainModels: their fits share the two cores), as `train` does.
    std::vector<crm::Result<crm::models::TrainedModel>> trained;
    double best_wall = 1e300, best_cpu = 1e300;
    for (int run = 0; run < runs; ++run) {
      const double cpu_start = ProcessCpuMilliseconds();
      const double wall =
          Milliseconds([&] { trained = crm::models::TrainModels(data, crm::models::kAllModels); });
      best_wall = std::min(best_wall, wall);
      best_cpu = std::min(best_cpu, ProcessCpuMilliseconds() - cpu_start);
    }
    for (size_t i = 0; i < trained.size(); ++i) {
      const std::string name(crm::models::ModelName(crm::models::kAllModels[i]));
      if (!trained[i].ok()) {
        std::cout
            << nlohmann::json{{"measure", "train:" + name}, {"refused", trained[i].error().message}}.dump()
            << std::endl;
        continue;
      }
      std::cout << nlohmann::json{{"measure", "train:" + name},
                                  {"rows", trained[i]->n_train},
                                  {"auc", trained[i]->metrics.value("auc", 0.0)}}
                       .dump()
                << std::endl;
      // Scored as the CLI and the server score: with the model as stored and loaded again (one thread
      // per prediction, warmed up), not with the booster still attached to its training.
      auto record = crm::models::EncodeModel(*trained[i]);
      auto served = record.ok() ? crm::models::DecodeModel(*record)
                                : crm::Result<crm::models::TrainedModel>(record.error());
      if (!served.ok()) {
        std::cerr << "error: " << served.error().message << '\n';
        return 1;
      }
      models.Put(std::move(served).value());
    }
    Print("train_all", best_wall, runs, data.opportunities.size(), {{"cpu_ms", std::round(best_cpu)}});
  }
  if (train_only) return 0;

  const int32_t as_of = data.LatestDate();
  std::unique_ptr<crm::models::DealScorer> scorer;
  const double build_ms =
      Milliseconds([&] { scorer = std::make_unique<crm::models::DealScorer>(data, models, as_of); });
  Print("scorer_build", build_ms, 1, data.opportunities.size());
  std::vector<int32_t> open;
  for (const auto& example : crm::models::OpenDealExamples(data, as_of, crm::DealStage::kEngaging)) {
    open.push_back(example.deal);
  }
  std::vector<double> wall, cpu;
  const size_t sample = std::min<size_t>(open.size(), 2000);
  for (size_t i = 0; i < sample; ++i) {
    const double cpu_start = ThreadCpuMilliseconds();
    wall.push_back(Milliseconds([&] { (void)scorer->Score(open[i * open.size() / sample]); }));
    cpu.push_back(ThreadCpuMilliseconds() - cpu_start);
  }
  if (!wall.empty()) {
    const auto [median, p99] = MedianAndP99(wall);
    const auto [cpu_median, cpu_p99] = MedianAndP99(cpu);
    Print("score_one", median, static_cast<int>(wall.size()), 1,
          {{"p99_ms", p99}, {"cpu_median_ms", cpu_median}, {"cpu_p99_ms", cpu_p99}});
  }
  const double all_ms =
      Best(runs, [&] { (void)scorer->Probabilities(crm::models::ModelKind::kOpportunityWin, open); });
  Print("score_all", all_ms, runs, open.size());
  return 0;
}
