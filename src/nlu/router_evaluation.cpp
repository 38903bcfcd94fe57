#include "crm/nlu/router_evaluation.h"

#include <cstdio>

#include <nlohmann/json.hpp>

#include "crm/nlu/intents.h"

namespace crm::nlu {

namespace {

//! "file:line: " for messages.
std::string Where(const std::string& file_name, size_t line) {
  return file_name + ":" + std::to_string(line) + ": ";
}

//! Entities of a JSON object; nullopt names the key whose value is neither text nor an integer.
Result<Entities> ParseEntities(const nlohmann::json& object, const std::string& where) {
  Entities entities;
  if (object.is_null()) return entities;
  if (!object.is_object()) return Error{where + "entities: not an object"};
  for (const auto& [key, value] : object.items()) {
    if (value.is_string()) {
      entities[key] = value.get<std::string>();
    } else if (value.is_number_integer()) {
      entities[key] = std::to_string(value.get<long long>());
    } else {
      return Error{where + "entities." + key + ": not text or an integer"};
    }
  }
  return entities;
}

std::string Percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f%%", 100 * fraction);
  return text;
}

nlohmann::json EntitiesToJson(const Entities& entities) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : entities) object[key] = value;
  return object;
}

}  // namespace

Result<std::vector<RouterCase>> ParseRouterCases(std::string_view jsonl, const std::string& file_name) {
  std::vector<RouterCase> cases;
  size_t line_number = 0;
  size_t at = 0;
  while (at <= jsonl.size()) {
    const size_t end = std::min(jsonl.find('\n', at), jsonl.size());
    std::string_view line = jsonl.substr(at, end - at);
    at = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (end == jsonl.size()) break;
      continue;
    }
    const std::string where = Where(file_name, line_number);
    const nlohmann::json document = nlohmann::json::parse(line, nullptr, false);
    if (document.is_discarded() || !document.is_object()) return Error{where + "not a JSON object"};
    RouterCase item;
    item.line = line_number;
    if (!document.contains("query") || !document["query"].is_string())
      return Error{where + "query: missing or not text"};
    if (!document.contains("intent") || !document["intent"].is_string())
      return Error{where + "intent: missing or not text"};
    item.query = document["query"].get<std::string>();
    item.intent = document["intent"].get<std::string>();
    if (!IsIntent(item.intent)) return Error{where + "intent: unknown intent '" + item.intent + "'"};
    auto entities = ParseEntities(document.value("entities", nlohmann::json()), where);
    if (!entities.ok()) return entities.error();
    item.entities = std::move(entities).value();
    cases.push_back(std::move(item));
    if (end == jsonl.size()) break;
  }
  if (cases.empty()) return Error{file_name + ": no questions in the file"};
  return cases;
}

double RouterEvaluation::IntentAccuracy() const {
  return questions == 0 ? 0 : static_cast<double>(intents_right) / questions;
}

double RouterEvaluation::EntityPrecision() const {
  return entities_predicted == 0 ? 1 : static_cast<double>(entities_right) / entities_predicted;
}

double RouterEvaluation::EntityRecall() const {
  return entities_expected == 0 ? 1 : static_cast<double>(entities_right) / entities_expected;
}

double RouterEvaluation::EntityF1() const {
  const double p = EntityPrecision();
  const double r = EntityRecall();
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

RouterEvaluation EvaluateRouter(const std::vector<RouterCase>& cases,
                                const std::function<RouterPrediction(const std::string&)>& understand) {
  RouterEvaluation evaluation;
  for (const RouterCase& item : cases) {
    RouterPrediction predicted = understand(item.query);
    ++evaluation.questions;
    ++evaluation.confusion[item.intent][predicted.intent];
    const bool intent_right = predicted.intent == item.intent;
    if (intent_right) ++evaluation.intents_right;
    size_t right = 0;
    for (const auto& [key, value] : predicted.entities) {
      const auto expected = item.entities.find(key);
      if (expected != item.entities.end() && expected->second == value) ++right;
    }
    evaluation.entities_right += right;
    evaluation.entities_predicted += predicted.entities.size();
    evaluation.entities_expected += item.entities.size();
    const bool entities_right = right == predicted.entities.size() && right == item.entities.size();
    if (!intent_right || !entities_right) evaluation.misses.push_back({item, std::move(predicted)});
  }
  return evaluation;
}

nlohmann::json RouterEvaluationJson(const RouterEvaluation& evaluation) {
  nlohmann::json confusion = nlohmann::json::object();
  for (const auto& [expected, row] : evaluation.confusion) {
    for (const auto& [predicted, count] : row) confusion[expected][predicted] = count;
  }
  nlohmann::json misses = nlohmann::json::array();
  for (const RouterMiss& miss : evaluation.misses) {
    misses.push_back({{"line", miss.expected.line},
                      {"query", miss.expected.query},
                      {"expected_intent", miss.expected.intent},
                      {"predicted_intent", miss.predicted.intent},
                      {"expected_entities", EntitiesToJson(miss.expected.entities)},
                      {"predicted_entities", EntitiesToJson(miss.predicted.entities)}});
  }
  return {{"questions", evaluation.questions},
          {"intent_accuracy", evaluation.IntentAccuracy()},
          {"entity_precision", evaluation.EntityPrecision()},
          {"entity_recall", evaluation.EntityRecall()},
          {"entity_f1", evaluation.EntityF1()},
          {"entities_expected", evaluation.entities_expected},
          {"entities_predicted", evaluation.entities_predicted},
          {"entities_right", evaluation.entities_right},
          {"confusion", std::move(confusion)},
          {"misses", std::move(misses)}};
}

std::string RouterEvaluationText(const RouterEvaluation& evaluation) {
  std::string text = std::to_string(evaluation.questions) + " questions\n";
  text += "intent accuracy   " + Percent(evaluation.IntentAccuracy()) + " (" +
          std::to_string(evaluation.intents_right) + "/" + std::to_string(evaluation.questions) + ")\n";
  text += "entity precision  " + Percent(evaluation.EntityPrecision()) + "\n";
  text += "entity recall     " + Percent(evaluation.EntityRecall()) + "\n";
  text += "entity F1         " + Percent(evaluation.EntityF1()) + "\n";
  text += "\nconfusions (expected -> predicted: count)\n";
  bool any = false;
  for (const auto& [expected, row] : evaluation.confusion) {
    for (const auto& [predicted, count] : row) {
      if (expected == predicted) continue;
      text += "  " + expected + " -> " + predicted + ": " + std::to_string(count) + "\n";
      any = true;
    }
  }
  if (!any) text += "  none\n";
  if (!evaluation.misses.empty()) text += "\nmisses\n";
  for (const RouterMiss& miss : evaluation.misses) {
    text += "  line " + std::to_string(miss.expected.line) + ": " + miss.expected.query + "\n    expected " +
            miss.expected.intent + " " +
            EntitiesToJson(miss.expected.entities)
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
            "\n    got      " + miss.predicted.intent + " " +
            EntitiesToJson(miss.predicted.entities)
                .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
            "\n";
  }
  return text;
}

}  // namespace crm::nlu
