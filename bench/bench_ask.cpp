// Conversation benchmark: understanding a question (entity linking + intent classification) and
// answering it end to end, timed in-process over a JSONL file of questions on a dataset imported from a
// CSV folder (the import, the classifier's training and the engine's first facts are timed apart).
//   bench_ask DIR QUESTIONS.jsonl [--rounds N]
// Prints one JSON line per measurement: {"measure", "ms" or "p50_ms"/"p99_ms", "questions"}.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "crm/agents/agent_context.h"
#include "crm/chat/assistant.h"
#include "crm/llm/writing_task.h"
#include "crm/models/model_set.h"
#include "crm/nlu/intent_classifier.h"
#include "crm/nlu/router_evaluation.h"
#include "crm/nlu/understander.h"

namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Round(double ms) { return std::round(ms * 1000) / 1000; }

//! Prints the p50 and p99 of `samples` (milliseconds).
void PrintPercentiles(const std::string& measure, std::vector<double> samples, size_t questions) {
  std::sort(samples.begin(), samples.end());
  const auto at = [&](double q) {
    return samples[std::min(samples.size() - 1, static_cast<size_t>(q * samples.size()))];
  };
  std::cout << nlohmann::json({{"measure", measure},
                               {"p50_ms", Round(at(0.50))},
                               {"p99_ms", Round(at(0.99))},
                               {"max_ms", Round(samples.back())},
                               {"samples", samples.size()},
                               {"questions", questions}})
                   .dump()
            << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Times question understanding and answering");
  std::string folder;
  std::string questions_file;
  int rounds = 20;
  app.add_option("DIR", folder, "CSV folder (Kaggle layout)")->required();
  app.add_option("QUESTIONS", questions_file, "JSONL questions {query, intent, entities}")->required();
  app.add_option("--rounds", rounds, "passes over the questions for understanding");
  CLI11_PARSE(app, argc, argv);

  std::ifstream input(questions_file);
  std::stringstream text;
  text << input.rdbuf();
  auto cases = crm::nlu::ParseRouterCases(text.str(), questions_file);
  if (!cases.ok()) {
    std::cerr << "error: " << cases.error().message << '\n';
    return 1;
  }
  const std::optional<crm::Dataset> imported = crm::bench::ImportOrReport(folder);
  if (!imported) return 1;
  const crm::Dataset& data = *imported;

  auto start = Clock::now();
  const crm::nlu::IntentClassifier& classifier = crm::nlu::BuiltinIntentClassifier();
  std::cout << nlohmann::json({{"measure", "train_classifier"}, {"ms", Round(Since(start))}}).dump()
            << std::endl;
  start = Clock::now();
  const crm::nlu::Understander understander(data, classifier);
  std::cout << nlohmann::json({{"measure", "index_names"}, {"ms", Round(Since(start))}}).dump() << std::endl;

  std::vector<double> understand;
  const int32_t as_of = data.LatestDate();
  for (int round = 0; round < rounds; ++round) {
    for (const auto& item : *cases) {
      start = Clock::now();
      const auto understanding = understander.Understand(item.query, as_of);
      understand.push_back(Since(start));
      if (understanding.intent.empty()) return 1;
    }
  }
  PrintPercentiles("understand", understand, cases->size());

  start = Clock::now();
  auto agents = crm::agents::AgentContext::Build(data, std::make_shared<const crm::models::ModelSet>());
  if (!agents.ok()) {
    std::cerr << "error: " << agents.error().message << '\n';
    return 1;
  }
  (*agents)->engine().Warm();
  std::cout << nlohmann::json({{"measure", "agents_and_engine_warm"}, {"ms", Round(Since(start))}}).dump()
            << std::endl;
  const crm::llm::OfflineWriter writer;
  const crm::chat::Assistant assistant(**agents, writer, nullptr, classifier);
  std::vector<double> answer;
  for (int round = 0; round < 3; ++round) {
    for (const auto& item : *cases) {
      start = Clock::now();
      const auto reply = assistant.Ask(item.query);
      answer.push_back(Since(start));
      if (reply.intent.empty()) return 1;
    }
  }
  PrintPercentiles("ask_without_search", answer, cases->size());
  return 0;
}
