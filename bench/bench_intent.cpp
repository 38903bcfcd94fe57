// The intent classifier: training time on the built-in corpus, cross-validated accuracy with the
// clarify-threshold sweep, and classification latency over the held-out questions.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crm/nlu/intent_classifier.h"
#include "crm/nlu/intent_evaluation.h"

namespace {

using Clock = std::chrono::steady_clock;

double Milliseconds(Clock::duration duration) {
  return std::chrono::duration<double, std::milli>(duration).count();
}

// The queries of a held-out file (JSON lines with "query"), or none when it cannot be read.
std::vector<std::string> ReadQueries(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(in, line)) {
    const nlohmann::json object = nlohmann::json::parse(line, nullptr, false);
    if (object.is_object() && object.contains("query")) queries.push_back(object["query"].get<std::string>());
  }
  return queries;
}

// Prints how many questions would be answered, and how many of those correctly, at each threshold.
void PrintClarifySweep(const std::vector<crm::nlu::LabeledQuestion>& corpus,
                       const crm::nlu::CrossValidation& validation) {
  std::printf("clarify threshold sweep (out-of-fold; answered = not asked back)\n");
  for (const double confidence : {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6}) {
    size_t answered = 0;
    size_t correct = 0;
    for (size_t i = 0; i < corpus.size(); ++i) {
      const crm::nlu::IntentPrediction& prediction = validation.predictions[i];
      const double margin = prediction.confidence - prediction.ranked[1].second;
      if (prediction.confidence < confidence || margin < crm::nlu::kClarifyMargin) continue;
      ++answered;
      if (prediction.intent == corpus[i].intent) ++correct;
    }
    std::printf("  confidence >= %.2f, margin >= %.2f: answered %5.1f%%, accuracy when answered %5.1f%%\n",
                confidence, crm::nlu::kClarifyMargin, 100.0 * answered / corpus.size(),
                answered ? 100.0 * correct / answered : 0.0);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string heldout = argc > 1 ? argv[1] : "data/nlu/heldout.jsonl";
  const auto& corpus = crm::nlu::BuiltinIntentCorpus();

  const auto start = Clock::now();
  crm::Result<crm::nlu::IntentClassifier> classifier = crm::nlu::IntentClassifier::Train(corpus);
  const double train_ms = Milliseconds(Clock::now() - start);
  if (!classifier) {
    std::fprintf(stderr, "%s\n", classifier.error().message.c_str());
    return 1;
  }
  std::printf("train on %zu questions: %.1f ms\n", corpus.size(), train_ms);

  crm::Result<crm::nlu::CrossValidation> validation = crm::nlu::CrossValidateIntents(corpus, 5);
  if (!validation) {
    std::fprintf(stderr, "%s\n", validation.error().message.c_str());
    return 1;
  }
  std::printf("5-fold cross-validated accuracy: %.2f%%\n", 100.0 * validation->accuracy);
  PrintClarifySweep(corpus, *validation);

  const std::vector<std::string> queries = ReadQueries(heldout);
  if (queries.empty()) {
    std::fprintf(stderr, "no queries in %s (give the held-out file as the argument)\n", heldout.c_str());
    return 1;
  }
  std::vector<double> latencies_us;
  constexpr int kRounds = 20;
  for (int round = 0; round < kRounds; ++round) {
    for (const std::string& query : queries) {
      const auto begin = Clock::now();
      const crm::nlu::IntentPrediction prediction = classifier->Classify(query);
      latencies_us.push_back(Milliseconds(Clock::now() - begin) * 1000.0);
      if (prediction.ranked.empty()) return 1;  // keeps the call from being optimised away
    }
  }
  std::sort(latencies_us.begin(), latencies_us.end());
  const auto percentile = [&](double p) {
    return latencies_us[static_cast<size_t>(p * (latencies_us.size() - 1))];
  };
  std::printf("classify %zu held-out queries x %d: p50 %.1f us, p99 %.1f us, max %.1f us\n", queries.size(),
              kRounds, percentile(0.5), percentile(0.99), latencies_us.back());
  return 0;
}
