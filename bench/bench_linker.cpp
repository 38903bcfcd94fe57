// Entity-linker benchmark: p50 / p99 latency of EntityLinker::Link on the Kaggle data and on a
// synthetic dataset of 10,000 accounts (the Kaggle teams and products plus generated company names).
//   bench_linker DIR [--runs N]
// Prints one JSON line per dataset: {"dataset", "accounts", "questions", "calls", "p50_us", "p99_us",
// "build_ms"}.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/common/date.h"
#include "crm/demo/account_names.h"
#include "crm/nlu/entity_linker.h"

namespace {

using Clock = std::chrono::steady_clock;

const std::vector<std::string>& Questions() {
  static const std::vector<std::string> questions = {
      "draft a friendly follow-up to Konex about GTX Pro",
      "which West deals are at risk?",
      "top 5 deals in the technology sector last quarter",
      "how is acme corp doing",
      "win rate by sector in 2017",
      "show me the three biggest open deals of moses",
      "give me 7 accounts to focus on in the us",
      "revenue forecast for next quarter by region",
      "what is the probability that 1C1I7A6R closes",
      "lost deals in the west during q3 2017",
      "how is melvn marxen's team performing",
      "accounts with more than 1,000 employees and revenue above $500M",
      "send a urgent check in to kancode",
      "monthly revenue of gtx plus pro in march 2017",
      "which companies like konnex should we go after",
      "help",
      "what can you do for me today with the pipeline of the central region and its reps broken down by "
      "agent",
      "tell me a joke about the weather"};
  return questions;
}

//! A dataset with the teams, products and sectors of `base` and `count` generated account names.
crm::Dataset Synthetic(const crm::Dataset& base, size_t count) {
  crm::Dataset data;
  data.sectors = base.sectors;
  data.countries = base.countries;
  data.series = base.series;
  data.managers = base.managers;
  data.regional_offices = base.regional_offices;
  data.products = base.products;
  data.sales_agents = base.sales_agents;
  for (size_t i = 0; i < count; ++i) {
    crm::Account account;
    // Half single names ("Corenova"), half numbered ones ("Corenova 2").
    account.name = crm::demo::AccountName(i < count / 2 ? i : crm::demo::kAccountNameCapacity + i);
    account.sector = static_cast<int32_t>(i % base.sectors.size());
    account.office_location = static_cast<int32_t>(i % base.countries.size());
    data.accounts.push_back(std::move(account));
  }
  data.BuildIndexes();
  return data;
}

void Measure(const std::string& name, const crm::Dataset& data, int runs, int32_t as_of) {
  const auto build_start = Clock::now();
  const crm::nlu::EntityLinker linker(data);
  const double build_ms = std::chrono::duration<double, std::milli>(Clock::now() - build_start).count();
  std::vector<double> micros;
  size_t spans = 0;
  for (int run = 0; run < runs; ++run) {
    for (const std::string& question : Questions()) {
      const auto start = Clock::now();
      spans += linker.Link(question, as_of).spans.size();
      micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    }
  }
  std::sort(micros.begin(), micros.end());
  const auto at = [&micros](double q) { return micros[static_cast<size_t>(q * (micros.size() - 1))]; };
  std::cout << nlohmann::json{{"dataset", name},
                              {"accounts", data.accounts.size()},
                              {"questions", Questions().size()},
                              {"calls", micros.size()},
                              {"spans_per_call", static_cast<double>(spans) / micros.size()},
                              {"p50_us", std::round(at(0.5) * 10) / 10},
                              {"p99_us", std::round(at(0.99) * 10) / 10},
                              {"build_ms", std::round(build_ms * 10) / 10}}
                   .dump()
            << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times EntityLinker::Link on the Kaggle data and on 10,000 synthetic accounts (JSON lines)");
  std::string folder;
  int runs = 200;
  app.add_option("dir", folder, "folder of the Kaggle CSV files")->required();
  app.add_option("--runs", runs, "passes over the question list");
  CLI11_PARSE(app, argc, argv);
  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(folder);
  if (!imported) return 1;
  const int32_t as_of = *crm::ParseIsoDate("2017-12-31");
  Measure("kaggle", *imported, runs, as_of);
  Measure("synthetic_10k", Synthetic(*imported, 10000), runs, as_of);
  return 0;
}
