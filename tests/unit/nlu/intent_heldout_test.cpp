// The held-out questions of data/nlu/heldout.jsonl: written apart from the training corpus, with real
// names from the Kaggle data, never trained on.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "crm/ingest/importer.h"
#include "crm/nlu/intent_classifier.h"
#include "crm/nlu/intents.h"
#include "crm/nlu/linked_query.h"
#include "support/test_support.h"

namespace crm::nlu {
namespace {

// Accuracy measured on the held-out file with the approximate masking below, rounded down.
constexpr double kMinHeldoutAccuracy = 0.92;

struct HeldoutQuestion {
  std::string query;
  std::string intent;
  std::map<std::string, nlohmann::json> entities;
};

std::vector<HeldoutQuestion> ReadHeldout() {
  std::vector<HeldoutQuestion> questions;
  const std::string text = test::ReadFile(std::string(CRM_NLU_DATA_DIR) + "/heldout.jsonl");
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    const nlohmann::json object = nlohmann::json::parse(line);
    HeldoutQuestion question{
        object.at("query").get<std::string>(), object.at("intent").get<std::string>(), {}};
    for (const auto& [key, value] : object.at("entities").items()) question.entities[key] = value;
    questions.push_back(std::move(question));
  }
  return questions;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// A stand-in for the entity linker, for measuring only: the canonical values of masked keys that
// appear literally (ignoring case) in the query become mask tokens; partial or misspelled names stay.
std::string ApproximateMasking(const HeldoutQuestion& question) {
  std::string masked = question.query;
  for (const std::string& key : MaskedEntityKeys()) {
    const auto it = question.entities.find(key);
    if (it == question.entities.end()) continue;
    const std::string value = Lower(it->second.get<std::string>());
    const size_t at = Lower(masked).find(value);
    if (at != std::string::npos) masked.replace(at, value.size(), MaskToken(key));
  }
  return masked;
}

TEST(NluIntentHeldout, HasFifteenQuestionsPerIntentWithContractKeys) {
  const std::set<std::string> keys = {
      "account", "sales_agent", "manager",    "regional_office", "sector",     "product",
      "series",  "country",     "deal_stage", "opportunity_id",  "email_type", "tone",
      "top_n",   "by",          "period"};
  std::map<std::string, size_t> counts;
  for (const HeldoutQuestion& question : ReadHeldout()) {
    EXPECT_TRUE(IsIntent(question.intent)) << question.query;
    ++counts[question.intent];
    for (const auto& [key, value] : question.entities) {
      EXPECT_TRUE(keys.count(key)) << question.query << ": " << key;
      EXPECT_EQ(value.is_number_integer(), key == "top_n") << question.query << ": " << key;
    }
  }
  for (const std::string& intent : IntentNames()) EXPECT_GE(counts[intent], 15u) << intent;
}

TEST(NluIntentHeldout, EntityValuesAreCanonical) {
  CRM_REQUIRE_SHARED_DATA();
  auto imported = ingest::ImportFolder(test::SharedDataDir());
  ASSERT_TRUE(imported.ok()) << imported.error().message;
  const Dataset& data = imported->data;
  const std::map<std::string, std::set<std::string>> fixed = {
      {"deal_stage", {"Prospecting", "Engaging", "Won", "Lost"}},
      {"email_type", {"follow_up", "introduction", "proposal", "check_in", "closing", "re_engagement"}},
      {"tone", {"professional", "friendly", "urgent", "consultative"}},
      {"by",
       {"deal_stage", "product", "series", "sector", "sales_agent", "manager", "regional_office", "account",
        "country", "month", "quarter"}}};
  for (const HeldoutQuestion& question : ReadHeldout()) {
    for (const auto& [key, json_value] : question.entities) {
      if (key == "top_n") continue;
      const std::string value = json_value.get<std::string>();
      const std::string where = question.query + ": " + key + " = " + value;
      if (key == "account") {
        EXPECT_NE(data.FindAccount(value), kNoIndex) << where;
      }
      if (key == "product") {
        EXPECT_NE(data.FindProduct(value), kNoIndex) << where;
      }
      if (key == "sales_agent") {
        EXPECT_NE(data.FindSalesAgent(value), kNoIndex) << where;
      }
      if (key == "opportunity_id") {
        EXPECT_NE(data.FindOpportunity(value), kNoIndex) << where;
      }
      if (key == "manager") {
        EXPECT_NE(data.managers.Find(value), kNoIndex) << where;
      }
      if (key == "regional_office") {
        EXPECT_NE(data.regional_offices.Find(value), kNoIndex) << where;
      }
      if (key == "sector") {
        EXPECT_NE(data.sectors.Find(value), kNoIndex) << where;
      }
      if (key == "series") {
        EXPECT_NE(data.series.Find(value), kNoIndex) << where;
      }
      if (key == "country") {
        EXPECT_NE(data.countries.Find(value), kNoIndex) << where;
      }
      if (key == "period") {
        EXPECT_TRUE(value == "2017" || (value.size() == 7 && value.rfind("2017-", 0) == 0)) << where;
      }
      if (fixed.count(key)) {
        EXPECT_TRUE(fixed.at(key).count(value)) << where;
      }
    }
  }
}

TEST(NluIntentHeldout, AccuracyWithApproximateMasking) {
  const IntentClassifier& classifier = BuiltinIntentClassifier();
  const std::vector<HeldoutQuestion> questions = ReadHeldout();
  ASSERT_FALSE(questions.empty());
  size_t correct = 0;
  size_t clarified = 0;
  for (const HeldoutQuestion& question : questions) {
    const IntentPrediction prediction = classifier.Classify(ApproximateMasking(question));
    if (prediction.intent == question.intent) ++correct;
    if (prediction.clarify) ++clarified;
  }
  const double accuracy = static_cast<double>(correct) / static_cast<double>(questions.size());
  std::cout << "held-out accuracy: " << accuracy << " (" << correct << "/" << questions.size()
            << "), asked back " << clarified << "\n";
  EXPECT_GE(accuracy, kMinHeldoutAccuracy);
}

}  // namespace
}  // namespace crm::nlu
