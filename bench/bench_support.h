#pragma once
// What the benchmark programs share: the dataset of a CSV folder, imported before anything is timed, and
// p50/p99 timing of repeated calls printed as JSON lines.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/ingest/importer.h"

namespace crm::bench {

//! The dataset imported from `folder`; nullopt after printing "error: <message>" on stderr.
inline std::optional<Dataset> ImportOrReport(const std::string& folder) {
  auto imported = ingest::ImportFolder(folder);
  if (!imported.ok()) {
    std::cerr << "error: " << imported.error().message << '\n';
    return std::nullopt;
  }
  return std::move(imported->data);
}

//! Times `runs` calls of `work(i)` and prints {"query", "p50_ms", "p99_ms", "runs"} as one JSON line.
inline void MeasurePercentiles(const std::string& query, int runs, const std::function<void(int)>& work) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    work(i);
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(times.begin(), times.end());
  const auto at = [&](double q) {
    return std::round(times[std::min(times.size() - 1, static_cast<size_t>(q * times.size()))] * 1000) / 1000;
  };
  std::cout
      << nlohmann::json{{"query", query}, {"p50_ms", at(0.5)}, {"p99_ms", at(0.99)}, {"runs", runs}}.dump()
      << std::endl;
}

}  // namespace crm::bench
