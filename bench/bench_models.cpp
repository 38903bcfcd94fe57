// Models benchmark: training with cross-validation, one score with its reasons, and scoring every open
// deal, timed in-process on a dataset imported from a CSV folder (the import is not timed here).
//   bench_models DIR [--runs N] [--train-only]
// Prints one JSON line per measurement: {"measure", "ms", "runs", "rows"}; "train:<model>" is one full
// `train` of that model (settings search by 5-fold cross-validation, calibration, final fit),
// "train_all" their sum, "score_one" the median and p99 of single scores with reasons, "score_all" every
// open Engaging deal scored at once.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/models/deal_examples.h"
#include "crm/models/deal_scorer.h"
#include "crm/models/model_set.h"
#include "crm/models/trainer.h"

namespace {

double Milliseconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double Best(int runs, const std::function<void()>& work) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) best = std::min(best, Milliseconds(work));
  return best;
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
  int runs = 3;
  bool train_only = false;
  app.add_option("DIR", folder, "CSV folder (Kaggle layout)")->required();
  app.add_option("--runs", runs, "runs per measurement (best is kept)");
  app.add_flag("--train-only", train_only, "stop after training");
  CLI11_PARSE(app, argc, argv);

  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(folder);
  if (!imported) return 1;
  const crm::Dataset& data = *imported;
  crm::models::ModelSet models;
  double total = 0;
  for (crm::models::ModelKind kind : crm::models::kAllModels) {
    std::optional<crm::models::TrainedModel> kept;
    const double ms = Best(runs, [&] {
      auto model = crm::models::TrainModel(data, kind);
      if (model.ok()) kept = std::move(model).value();
    });
    total += ms;
    Print("train:" + std::string(crm::models::ModelName(kind)), ms, runs, kept ? kept->n_train : 0,
          {{"auc", kept ? kept->metrics.value("auc", 0.0) : 0.0}});
    if (kept) models.Put(std::move(*kept));
  }
  Print("train_all", total, runs, data.opportunities.size());
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
  std::vector<double> single;
  const size_t sample = std::min<size_t>(open.size(), 2000);
  for (size_t i = 0; i < sample; ++i) {
    single.push_back(Milliseconds([&] { (void)scorer->Score(open[i * open.size() / sample]); }));
  }
  std::sort(single.begin(), single.end());
  if (!single.empty()) {
    Print("score_one", single[single.size() / 2], static_cast<int>(single.size()), 1,
          {{"p99_ms", single[single.size() * 99 / 100]}});
  }
  const double all_ms =
      Best(runs, [&] { (void)scorer->Probabilities(crm::models::ModelKind::kOpportunityWin, open); });
  Print("score_all", all_ms, runs, open.size());
  return 0;
}
