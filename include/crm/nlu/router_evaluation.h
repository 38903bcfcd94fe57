#pragma once
// `eval-router`: how well questions are understood, against a file of labelled questions.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "crm/common/result.h"
#include "crm/nlu/entities.h"

namespace crm::nlu {

//! One labelled question: a line `{"query", "intent", "entities"}` of a JSONL file.
struct RouterCase {
  std::string query;
  std::string intent;
  Entities entities;  //!< top_n as its decimal text
  size_t line = 0;    //!< line number in the file, for messages
};

//! Reads a JSONL file of labelled questions; blank lines are skipped; an error names file:line and the
//! field at fault (bad JSON, a missing query or intent, an unknown intent, an entity that is not text or
//! a number).
Result<std::vector<RouterCase>> ParseRouterCases(std::string_view jsonl, const std::string& file_name);

//! What the router predicted for one question.
struct RouterPrediction {
  std::string intent;
  Entities entities;
};

//! A question the router got wrong, with what it said.
struct RouterMiss {
  RouterCase expected;
  RouterPrediction predicted;
};

//! Intent accuracy, entity precision / recall / F1 (over key=value pairs), the confusion matrix.
struct RouterEvaluation {
  size_t questions = 0;
  size_t intents_right = 0;
  size_t entities_right = 0;  //!< predicted pairs that are expected
  size_t entities_predicted = 0;
  size_t entities_expected = 0;
  std::map<std::string, std::map<std::string, size_t>> confusion;  //!< expected → predicted → count
  std::vector<RouterMiss> misses;                                  //!< wrong intent or entities

  double IntentAccuracy() const;
  double EntityPrecision() const;  //!< 1 when nothing was predicted
  double EntityRecall() const;     //!< 1 when nothing was expected
  double EntityF1() const;
};

//! Runs `understand` on every case and tallies the results.
RouterEvaluation EvaluateRouter(const std::vector<RouterCase>& cases,
                                const std::function<RouterPrediction(const std::string&)>& understand);

//! The JSON of `eval-router --json`: questions, intent_accuracy, entity_precision, entity_recall,
//! entity_f1, confusion, misses.
nlohmann::json RouterEvaluationJson(const RouterEvaluation& evaluation);

//! The same for people: the figures, the confusion matrix's off-diagonal cells and the misses.
std::string RouterEvaluationText(const RouterEvaluation& evaluation);

}  // namespace crm::nlu
