// Search benchmark: building every search index (documents, BM25, text vectors, profiles) in memory,
// saving and loading them in a store file, and the latency of a few hundred varied queries, on a dataset
// imported from a CSV folder (the import is not timed here); optionally an HNSW settings sweep.
//   bench_search DIR [--queries N] [--sweep]
// Prints one JSON line per measurement: {"measure", "ms", ...}; "search" and "similar" give p50 and p99.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/search/hashed_ngram_embedder.h"
#include "crm/search/search_index.h"
#include "crm/store/store.h"

namespace {

using crm::search::SearchRequest;

double Milliseconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

//! CPU time of this thread in milliseconds: unlike wall time, not inflated when other processes take the
//! cores (the benchmark machine is shared).
double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

void Print(const std::string& measure, nlohmann::json fields) {
  nlohmann::json line = {{"measure", measure}};
  line.update(fields);
  std::cout << line.dump() << std::endl;
}

double Rounded(double ms) { return std::round(ms * 1000) / 1000; }

double Percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1, static_cast<size_t>(fraction * values.size()))];
}

//! A word with one letter doubled or dropped, like a typo.
std::string Typo(const std::string& word, std::mt19937& random) {
  if (word.size() < 4) return word;
  std::string typo = word;
  const size_t at = 1 + random() % (word.size() - 2);
  if (random() % 2 == 0) {
    typo.insert(at, 1, typo[at]);
  } else {
    typo.erase(at, 1);
  }
  return typo;
}

//! Varied requests: names whole, partial and misspelt, products, sectors, agents, ids, several words,
//! with and without filters, and filters alone.
std::vector<SearchRequest> Requests(const crm::Dataset& data, size_t count) {
  std::mt19937 random(7);
  std::vector<SearchRequest> requests;
  const auto pick = [&](size_t size) { return random() % size; };
  while (requests.size() < count) {
    const crm::Account& account = data.accounts[pick(data.accounts.size())];
    const std::string product = data.products[pick(data.products.size())].name;
    const std::string agent = data.sales_agents[pick(data.sales_agents.size())].name;
    const std::string sector = data.sectors.values()[pick(data.sectors.size())];
    const std::string country = data.countries.values()[pick(data.countries.size())];
    SearchRequest request;
    switch (requests.size() % 10) {
      case 0:
        request.text = account.name;
        break;
      case 1:
        request.text = account.name.substr(0, std::max<size_t>(3, account.name.size() / 2));
        break;
      case 2:
        request.text = Typo(account.name, random);
        break;
      case 3:
        request.text = product + " " + sector;
        break;
      case 4:
        request.text = agent;
        break;
      case 5:
        request.text = std::string(data.opportunities.id[pick(data.opportunities.size())]);
        break;
      case 6:
        request.text = sector + " companies in " + country;
        break;
      case 7:
        request.text = product;
        request.filters.country = country;
        break;
      case 8:
        request.text = "won " + product + " deals";
        request.filters.numeric = {{crm::search::AccountField::kEmployees, '>', 1000}};
        break;
      default:
        request.text = "";
        request.filters.sector = sector;
        request.filters.deal_stage = "Engaging";
        break;
    }
    requests.push_back(std::move(request));
  }
  return requests;
}

//! Recall@10 of HNSW against exact search, and build time, for a few settings (on at most 50,000 documents).
void Sweep(const crm::search::SearchIndex& index) {
  const crm::search::SearchDocuments& documents = index.documents();
  const crm::search::Embedder& embedder = index.embedder();
  const size_t width = embedder.dimension();
  const size_t count = std::min<size_t>(documents.size(), 50000);
  std::vector<float> vectors(count * width);
  for (size_t i = 0; i < count; ++i)
    embedder.Embed(documents.texts[i], std::span<float>(vectors).subspan(i * width, width));
  std::mt19937 random(11);
  std::vector<size_t> queries;
  for (int i = 0; i < 200; ++i) queries.push_back(random() % count);
  std::vector<std::vector<uint32_t>> exact;
  for (const size_t query : queries) {
    std::vector<std::pair<float, uint32_t>> scored;
    for (size_t i = 0; i < count; ++i) {
      float dot = 0.0f;
      for (size_t d = 0; d < width; ++d) dot += vectors[query * width + d] * vectors[i * width + d];
      scored.emplace_back(-dot, static_cast<uint32_t>(i));
    }
    std::partial_sort(scored.begin(), scored.begin() + 10, scored.end());
    std::vector<uint32_t> top;
    for (int i = 0; i < 10; ++i) top.push_back(scored[i].second);
    exact.push_back(top);
  }
  for (const size_t m : {8, 12, 16}) {
    for (const size_t ef_construction : {64, 100}) {
      for (const size_t ef_search : {64}) {
        crm::search::VectorIndex vector_index(width, count, {m, ef_construction, ef_search});
        const double build = Milliseconds([&] { vector_index.Add(vectors, 0, 2); });
        size_t hits = 0;
        std::vector<double> times;
        for (size_t q = 0; q < queries.size(); ++q) {
          std::vector<crm::search::Neighbor> found;
          times.push_back(Milliseconds([&] {
            found =
                vector_index.Search(std::span<const float>(vectors).subspan(queries[q] * width, width), 10);
          }));
          for (const auto& neighbor : found)
            hits += std::count(exact[q].begin(), exact[q].end(), neighbor.label);
        }
        Print("hnsw_sweep", {{"m", m},
                             {"ef_construction", ef_construction},
                             {"ef_search", ef_search},
                             {"vectors", count},
                             {"build_ms", Rounded(build)},
                             {"recall_at_10", hits / (10.0 * queries.size())},
                             {"p50_ms", Rounded(Percentile(times, 0.5))}});
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times search: index build, save and load, query latency");
  std::string folder;
  size_t query_count = 400;
  bool sweep = false;
  app.add_option("DIR", folder, "CSV folder (Kaggle layout)")->required();
  app.add_option("--queries", query_count, "queries timed");
  app.add_flag("--sweep", sweep, "also measure HNSW recall and build time for several settings");
  CLI11_PARSE(app, argc, argv);

  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(folder);
  if (!imported) return 1;
  const crm::Dataset& data = *imported;
  std::unique_ptr<crm::search::SearchIndex> index;
  const double build = Milliseconds([&] {
    auto built = crm::search::SearchIndex::Build(data);
    if (!built.ok()) {
      std::cerr << "error: " << built.error().message << '\n';
      std::exit(1);
    }
    index = std::move(*built);
  });
  Print("build", {{"ms", Rounded(build)},
                  {"opportunities", data.opportunities.size()},
                  {"documents", index->documents().size()},
                  {"accounts", data.accounts.size()}});

  const std::filesystem::path store_path =
      std::filesystem::temp_directory_path() / ("bench_search_" + std::to_string(::getpid()) + ".db");
  {
    auto store = crm::store::Store::Open(store_path.string());
    if (!store.ok()) return 1;
    const double save = Milliseconds([&] { (void)crm::search::SearchIndex::LoadOrBuild(**store, data); });
    Print("build_and_save", {{"ms", Rounded(save)}});
    const double load = Milliseconds([&] { (void)crm::search::SearchIndex::LoadOrBuild(**store, data); });
    Print("load", {{"ms", Rounded(load)}});
  }
  std::filesystem::remove(store_path);
  std::filesystem::remove(store_path.string() + "-wal");
  std::filesystem::remove(store_path.string() + "-shm");

  const std::vector<SearchRequest> requests = Requests(data, query_count);
  for (const SearchRequest& request : requests) (void)index->Search(request);  // warm-up
  if (const char* only = std::getenv("BENCH_SEARCH_PROFILE_CASE")) {  // for a profiler: one kind of query
    for (int round = 0; round < 20; ++round) {
      for (size_t i = std::atoi(only); i < requests.size(); i += 10) (void)index->Search(requests[i]);
    }
  }
  std::vector<double> times, cpu_times;
  size_t empty = 0;
  for (const SearchRequest& request : requests) {
    const double cpu_start = ThreadCpuMs();
    times.push_back(Milliseconds([&] {
      auto results = index->Search(request);
      if (!results.ok() || results->empty()) ++empty;
    }));
    cpu_times.push_back(ThreadCpuMs() - cpu_start);
  }
  if (std::getenv("BENCH_SEARCH_SLOW") != nullptr) {
    for (size_t i = 0; i < requests.size(); ++i) {
      if (cpu_times[i] > 2.0)
        std::cerr << cpu_times[i] << " ms CPU: " << requests[i].text << " | " << i % 10 << '\n';
    }
  }
  Print("search", {{"queries", times.size()},
                   {"p50_ms", Rounded(Percentile(times, 0.5))},
                   {"p99_ms", Rounded(Percentile(times, 0.99))},
                   {"max_ms", Rounded(Percentile(times, 1.0))},
                   {"cpu_p50_ms", Rounded(Percentile(cpu_times, 0.5))},
                   {"cpu_p99_ms", Rounded(Percentile(cpu_times, 0.99))},
                   {"without_results", empty}});
  std::vector<double> similar;
  for (size_t i = 0; i < std::min<size_t>(200, data.accounts.size() * 4); ++i) {
    const auto row = static_cast<int32_t>(i % data.accounts.size());
    similar.push_back(Milliseconds([&] { (void)index->SimilarAccounts(row, 10); }));
  }
  Print("similar", {{"queries", similar.size()},
                    {"p50_ms", Rounded(Percentile(similar, 0.5))},
                    {"p99_ms", Rounded(Percentile(similar, 0.99))}});
  if (sweep) Sweep(*index);
  return 0;
}
