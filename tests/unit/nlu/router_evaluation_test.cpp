#include "crm/nlu/router_evaluation.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace crm::nlu {
namespace {

TEST(NluRouterEvaluation, ParsesCasesWithIntegerAndTextEntities) {
  const auto cases = ParseRouterCases(
      "{\"query\": \"top 5 deals in the West\", \"intent\": \"top_opportunities\", "
      "\"entities\": {\"top_n\": 5, \"regional_office\": \"West\"}}\r\n\n"
      "{\"query\": \"help\", \"intent\": \"help\"}\n",
      "q.jsonl");
  ASSERT_TRUE(cases.ok()) << cases.error().message;
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ((*cases)[0].entities.at("top_n"), "5");
  EXPECT_EQ((*cases)[0].entities.at("regional_office"), "West");
  EXPECT_EQ((*cases)[1].line, 3u);
  EXPECT_TRUE((*cases)[1].entities.empty());
}

TEST(NluRouterEvaluation, ErrorsNameFileLineAndField) {
  auto bad_intent = ParseRouterCases("{\"query\": \"x\", \"intent\": \"weather\"}\n", "q.jsonl");
  ASSERT_FALSE(bad_intent.ok());
  EXPECT_EQ(bad_intent.error().message, "q.jsonl:1: intent: unknown intent 'weather'");
  auto no_query = ParseRouterCases("\n{\"intent\": \"help\"}", "q.jsonl");
  ASSERT_FALSE(no_query.ok());
  EXPECT_EQ(no_query.error().message, "q.jsonl:2: query: missing or not text");
  auto bad_json = ParseRouterCases("{\"query\": ", "q.jsonl");
  ASSERT_FALSE(bad_json.ok());
  EXPECT_EQ(bad_json.error().message, "q.jsonl:1: not a JSON object");
  auto bad_entity =
      ParseRouterCases("{\"query\": \"x\", \"intent\": \"help\", \"entities\": {\"top_n\": [1]}}", "q.jsonl");
  ASSERT_FALSE(bad_entity.ok());
  EXPECT_EQ(bad_entity.error().message, "q.jsonl:1: entities.top_n: not text or an integer");
  EXPECT_FALSE(ParseRouterCases("\n\n", "q.jsonl").ok());
}

TEST(NluRouterEvaluation, CountsIntentsEntitiesAndConfusions) {
  const std::vector<RouterCase> cases = {
      {"a", "forecast", {{"period", "2017-Q3"}}, 1},
      {"b", "help", {}, 2},
      {"c", "search", {{"account", "Konex"}, {"sector", "retail"}}, 3},
  };
  const auto evaluation = EvaluateRouter(cases, [](const std::string& query) -> RouterPrediction {
    if (query == "a") return {"forecast", {{"period", "2017-Q3"}}};
    if (query == "b") return {"unsupported", {}};
    return {"search", {{"account", "Konex"}, {"country", "Japan"}}};
  });
  EXPECT_EQ(evaluation.questions, 3u);
  EXPECT_NEAR(evaluation.IntentAccuracy(), 2.0 / 3, 1e-12);
  EXPECT_NEAR(evaluation.EntityPrecision(), 2.0 / 3, 1e-12);  // period, account right; country wrong
  EXPECT_NEAR(evaluation.EntityRecall(), 2.0 / 3, 1e-12);     // sector missed
  EXPECT_NEAR(evaluation.EntityF1(), 2.0 / 3, 1e-12);
  EXPECT_EQ(evaluation.confusion.at("help").at("unsupported"), 1u);
  ASSERT_EQ(evaluation.misses.size(), 2u);
  const nlohmann::json json = RouterEvaluationJson(evaluation);
  EXPECT_EQ(json["confusion"]["help"]["unsupported"], 1);
  EXPECT_EQ(json["misses"][1]["predicted_entities"]["country"], "Japan");
  EXPECT_NE(RouterEvaluationText(evaluation).find("help -> unsupported: 1"), std::string::npos);
}

}  // namespace
}  // namespace crm::nlu
