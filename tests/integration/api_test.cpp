// The HTTP API of `crm-assistant serve` on the Kaggle data: the contract's routes answer as the CLI does,
// server-sent events stream the same answer, bad requests get JSON errors with the right status, every
// response carries the security headers, and data that looks like markup comes back as JSON data.
#include <gtest/gtest.h>
#include <httplib.h>

#include <cctype>
#include <memory>
#include <sstream>

#include <nlohmann/json.hpp>

#include "integration/kaggle_server_test.h"
#include "integration/server_process.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! Checks the headers every response must carry.
void ExpectSecurityHeaders(const httplib::Headers& headers, const std::string& what) {
  const auto value = [&](const char* name) {
    const auto found = headers.find(name);
    return found == headers.end() ? std::string() : found->second;
  };
  EXPECT_EQ(value("Content-Security-Policy"),
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")
      << what;
  EXPECT_EQ(value("X-Content-Type-Options"), "nosniff") << what;
  EXPECT_EQ(value("Referrer-Policy"), "no-referrer") << what;
  EXPECT_EQ(value("X-Frame-Options"), "DENY") << what;
}

//! The headers of a raw HTTP answer, for responses a client library cannot provoke.
httplib::Headers RawHeaders(const std::string& answer) {
  httplib::Headers headers;
  std::istringstream lines(answer.substr(0, answer.find("\r\n\r\n")));
  std::string line;
  std::getline(lines, line);  // the status line
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t colon = line.find(':');
    if (colon != std::string::npos) headers.emplace(line.substr(0, colon), line.substr(colon + 2));
  }
  return headers;
}

//! One server over the Kaggle data for the whole suite.
class ApiTest : public test::KaggleServerTest {
 protected:
  //! GET `path`; fails the test when there is no answer.
  httplib::Result Get(const std::string& path, const httplib::Headers& headers = {}) {
    return client_->Get(path, headers);
  }
  //! POST `body` as JSON to `path`.
  httplib::Result Post(const std::string& path, const std::string& body,
                       const httplib::Headers& headers = {}) {
    return client_->Post(path, headers, body, "application/json");
  }
  //! The error message of a JSON error answer.
  static std::string ErrorOf(const httplib::Result& result) {
    const json body = json::parse(result->body, nullptr, false);
    return body.is_object() && body.contains("error") && body["error"].is_string()
               ? body["error"].get<std::string>()
               : "(no JSON error)";
  }
};

TEST_F(ApiTest, HealthSaysOkWithTheDataCounts) {
  auto result = Get("/api/v1/health");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json body = json::parse(result->body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["data"]["opportunities"], 8800);
  EXPECT_EQ(body["data"]["accounts"], 85);
  EXPECT_TRUE(body["models"].is_object());
  EXPECT_FALSE(body["models"].empty());
  ExpectSecurityHeaders(result->headers, "health");
}

TEST_F(ApiTest, FilteredInsightEqualsTheCli) {
  auto result = Get("/api/v1/insights/pipeline_overview?regional_office=West");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const auto cli = test::RunCli("--data " + test::SharedDataDir() +
                                " insight pipeline_overview --regional-office West --json");
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(json::parse(result->body), json::parse(cli.out));
  EXPECT_EQ(json::parse(result->body)["filters"]["regional_office"], "West");
}

TEST_F(ApiTest, UnfilteredInsightsAndTheForecastEqualTheCliOnEveryCall) {
  for (const std::string type : {"pipeline_overview", "forecast"}) {
    const auto cli = test::RunCli("--data " + test::SharedDataDir() + " insight " + type + " --json");
    ASSERT_EQ(cli.exit_code, 0) << cli.err;
    const json expected = json::parse(cli.out);
    for (int call = 0; call < 2; ++call) {  // the second call comes from the cache
      auto result = Get("/api/v1/insights/" + type);
      ASSERT_TRUE(result);
      EXPECT_EQ(json::parse(result->body), expected) << type << " call " << call;
    }
  }
  auto forecast = Get("/api/v1/forecast");
  ASSERT_TRUE(forecast);
  EXPECT_EQ(json::parse(forecast->body)["type"], "forecast");
}

TEST_F(ApiTest, BadInsightRequestsAre400WithAHelpfulMessage) {
  auto type = Get("/api/v1/insights/no_such_insight");
  ASSERT_TRUE(type);
  EXPECT_EQ(type->status, 400);
  EXPECT_NE(ErrorOf(type).find("pipeline_overview"), std::string::npos) << ErrorOf(type);
  auto value = Get("/api/v1/insights/pipeline_overview?regional_office=Atlantis");
  ASSERT_TRUE(value);
  EXPECT_EQ(value->status, 400);
  EXPECT_NE(ErrorOf(value).find("Atlantis"), std::string::npos) << ErrorOf(value);
  auto parameter = Get("/api/v1/insights/pipeline_overview?colour=red");
  ASSERT_TRUE(parameter);
  EXPECT_EQ(parameter->status, 400);
  EXPECT_NE(ErrorOf(parameter).find("colour"), std::string::npos) << ErrorOf(parameter);
  ExpectSecurityHeaders(value->headers, "400");
}

TEST_F(ApiTest, AskAnswersWithTheFieldsOfAskJson) {
  auto result = Post("/api/v1/ask", R"({"question": "how is the pipeline in the West?"})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json answer = json::parse(result->body);
  EXPECT_EQ(answer["intent"], "pipeline_overview");
  EXPECT_EQ(answer["entities"]["regional_office"], "West");
  EXPECT_TRUE(answer["answer"].is_string());
  EXPECT_FALSE(answer["answer"].get<std::string>().empty());
  EXPECT_TRUE(answer["data"].is_object());
  EXPECT_TRUE(answer["sources"].is_array());
}

TEST_F(ApiTest, AskStreamsServerSentEventsEndingWithTheSameAnswer) {
  const std::string question = R"({"question": "which West deals are at risk?"})";
  auto plain = Post("/api/v1/ask", question);
  ASSERT_TRUE(plain);
  auto streamed = Post("/api/v1/ask", question, {{"Accept", "text/event-stream"}});
  ASSERT_TRUE(streamed);
  ASSERT_EQ(streamed->status, 200);
  EXPECT_EQ(streamed->get_header_value("Content-Type").rfind("text/event-stream", 0), 0u);
  ExpectSecurityHeaders(streamed->headers, "event stream");
  std::vector<std::pair<std::string, json>> events;
  std::istringstream lines(streamed->body);
  std::string line, name;
  while (std::getline(lines, line)) {
    if (line.rfind("event: ", 0) == 0) name = line.substr(7);
    if (line.rfind("data: ", 0) == 0) events.emplace_back(name, json::parse(line.substr(6)));
  }
  ASSERT_GE(events.size(), 3u) << streamed->body;
  EXPECT_EQ(events.front().first, "meta");
  EXPECT_EQ(events.front().second["intent"], "at_risk_deals");
  EXPECT_EQ(events.front().second["entities"]["regional_office"], "West");
  EXPECT_EQ(events.back().first, "done");
  std::string markdown;
  for (size_t i = 1; i + 1 < events.size(); ++i) {
    EXPECT_EQ(events[i].first, "delta");
    markdown += events[i].second["text"].get<std::string>();
  }
  const json expected = json::parse(plain->body);
  EXPECT_EQ(markdown, expected["answer"]);
  EXPECT_EQ(events.back().second, expected);
}

TEST_F(ApiTest, ASessionCarriesTheThreadAcrossCalls) {
  auto first = Post("/api/v1/ask", R"({"question": "which West deals are at risk?", "session": "api-t1"})");
  ASSERT_TRUE(first);
  EXPECT_EQ(json::parse(first->body)["session"], "api-t1");
  auto second = Post("/api/v1/ask", R"({"question": "and for the East?", "session": "api-t1"})");
  ASSERT_TRUE(second);
  const json answer = json::parse(second->body);
  EXPECT_EQ(answer["intent"], "at_risk_deals");
  EXPECT_EQ(answer["entities"]["regional_office"], "East");
  ASSERT_TRUE(Post("/api/v1/ask", R"({"question": "tell me about Konex", "session": "api-t2"})"));
  auto email = Post("/api/v1/ask", R"({"question": "now write them a friendly email", "session": "api-t2"})");
  ASSERT_TRUE(email);
  EXPECT_EQ(json::parse(email->body)["entities"]["account"], "Konex");
  auto fresh = Post("/api/v1/ask", R"({"question": "now write them a friendly email", "session": "api-t3"})");
  ASSERT_TRUE(fresh);
  EXPECT_FALSE(json::parse(fresh->body)["entities"].contains("account"));
}

TEST_F(ApiTest, BadAskRequestsAre400Or415) {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"question": )", "not valid JSON"},
      {R"({"session": "s1"})", "question"},
      {R"(["question"])", "object"},
      {R"({"question": 42})", "string"},
      {R"({"question": "hi", "session": "a b"})", "session"}};
  for (const auto& [body, needle] : cases) {
    auto result = Post("/api/v1/ask", body);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << body;
    EXPECT_NE(ErrorOf(result).find(needle), std::string::npos) << body << ": " << ErrorOf(result);
  }
  auto text = client_->Post("/api/v1/ask", R"({"question": "hi"})", "text/plain");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->status, 415);
}

TEST_F(ApiTest, UnknownRoutesAre404AndWrongMethods405AsJson) {
  auto missing = Get("/api/v1/nothing-here");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(ErrorOf(missing), "(no JSON error)");
  ExpectSecurityHeaders(missing->headers, "404");
  auto page = Get("/no-such-page.html");  // "/" is the web UI (web_static_test.cpp)
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 404);
  EXPECT_NE(ErrorOf(page), "(no JSON error)");
  auto method = Get("/api/v1/ask");
  ASSERT_TRUE(method);
  EXPECT_EQ(method->status, 405);
  EXPECT_EQ(method->get_header_value("Allow"), "POST");
  ExpectSecurityHeaders(method->headers, "405");
  auto deleted = client_->Delete("/api/v1/health");
  ASSERT_TRUE(deleted);
  EXPECT_EQ(deleted->status, 405);
}

TEST_F(ApiTest, OversizedCompressedAndChunkedBodiesAreRefused) {
  auto large = Post("/api/v1/ask", R"({"question": ")" + std::string(70 * 1024, 'a') + R"("})");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
  ExpectSecurityHeaders(large->headers, "413");
  auto gzip = Post("/api/v1/ask", R"({"question": "hi"})", {{"Content-Encoding", "gzip"}});
  ASSERT_TRUE(gzip);
  EXPECT_EQ(gzip->status, 415);
  ExpectSecurityHeaders(gzip->headers, "415");
  const std::string chunked =
      test::RawHttp(server_->port(),
                    "POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n{\"a\":\r\n0\r\n\r\n");
  EXPECT_EQ(chunked.rfind("HTTP/1.1 411", 0), 0u) << chunked;
  ExpectSecurityHeaders(RawHeaders(chunked), "411");
  const std::string declared =
      test::RawHttp(server_->port(),
                    "POST /api/v1/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    "Content-Length: 10000000\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(declared.rfind("HTTP/1.1 413", 0), 0u) << declared;
}

TEST_F(ApiTest, RecordsSearchAndEmailAnswer) {
  auto accounts = Get("/api/v1/accounts");
  ASSERT_TRUE(accounts);
  const json list = json::parse(accounts->body)["accounts"];
  ASSERT_EQ(list.size(), 85u);
  EXPECT_TRUE(list[0]["account"].is_string());
  EXPECT_TRUE(list[0]["health_score"].is_number());
  auto summary = Get("/api/v1/accounts/Konex/summary");
  ASSERT_TRUE(summary);
  ASSERT_EQ(summary->status, 200) << summary->body;
  EXPECT_EQ(json::parse(summary->body)["account"], "Konex");
  auto unknown = Get("/api/v1/accounts/No%20Such%20Company/summary");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  auto deal = Get("/api/v1/opportunities/1c1i7a6r");
  ASSERT_TRUE(deal);
  ASSERT_EQ(deal->status, 200) << deal->body;
  EXPECT_EQ(json::parse(deal->body)["opportunity"]["opportunity_id"], "1C1I7A6R");
  EXPECT_TRUE(json::parse(deal->body)["score_note"].is_string());  // a closed deal has no score
  auto search = Get("/api/v1/search?q=Konex&k=3");
  ASSERT_TRUE(search);
  const json results = json::parse(search->body)["results"];
  ASSERT_FALSE(results.empty());
  EXPECT_LE(results.size(), 3u);
  EXPECT_EQ(results[0]["id"], "Konex");
  auto email = Post("/api/v1/email", R"({"account": "Konex", "type": "check_in", "tone": "friendly"})");
  ASSERT_TRUE(email);
  ASSERT_EQ(email->status, 200) << email->body;
  const json draft = json::parse(email->body);
  EXPECT_EQ(draft["account"], "Konex");
  EXPECT_EQ(draft["email_type"], "check_in");
  EXPECT_EQ(draft["tone"], "friendly");
  auto bad_tone = Post("/api/v1/email", R"({"account": "Konex", "tone": "angry"})");
  ASSERT_TRUE(bad_tone);
  EXPECT_EQ(bad_tone->status, 400);
}

TEST_F(ApiTest, OpenApiListsEveryRoute) {
  auto result = Get("/api/v1/openapi.json");
  ASSERT_TRUE(result);
  const json document = json::parse(result->body);
  EXPECT_EQ(document["openapi"].get<std::string>().rfind("3.", 0), 0u);
  for (const char* path : {"/api/v1/health", "/api/v1/insights/{type}", "/api/v1/ask", "/api/v1/accounts",
                           "/api/v1/accounts/{name}/summary", "/api/v1/opportunities/{id}", "/api/v1/search",
                           "/api/v1/email", "/api/v1/forecast", "/api/v1/openapi.json"}) {
    EXPECT_TRUE(document["paths"].contains(path)) << path;
  }
  EXPECT_TRUE(document["paths"]["/api/v1/ask"].contains("post"));
}

TEST(ApiServeTest, RefusesToListenBeyondLoopback) {
  const auto run = test::RunCli("--data /nonexistent serve --host 0.0.0.0 --port 0");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("0.0.0.0"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("loopback"), std::string::npos) << run.err;
}

TEST(ApiServeTest, MarkupInAnAccountNameComesBackAsJsonData) {
  CRM_REQUIRE_SHARED_DATA();
  const std::string hostile = "<img src=x onerror=alert(1)>";
  test::TempDir dir;
  for (const char* file : {"accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv"}) {
    std::string text = test::ReadFile(test::SharedDataDir() + "/" + file);
    for (size_t at = text.find("Konex"); at != std::string::npos;
         at = text.find("Konex", at + hostile.size())) {
      text.replace(at, 5, hostile);
    }
    test::WriteFile(dir.File(file), text);
  }
  test::ServerProcess server("--db " + dir.File("crm.db") + " --data " + dir.path().string());
  ASSERT_GT(server.port(), 0) << server.banner();
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(60, 0);
  auto accounts = client.Get("/api/v1/accounts");
  ASSERT_TRUE(accounts);
  EXPECT_EQ(accounts->get_header_value("Content-Type"), "application/json; charset=utf-8");
  const json list = json::parse(accounts->body);
  bool found = false;
  for (const json& account : list["accounts"]) found |= account["account"] == hostile;
  EXPECT_TRUE(found);
  auto summary = client.Get("/api/v1/accounts/" + test::EncodePathSegment(hostile) + "/summary");
  ASSERT_TRUE(summary);
  ASSERT_EQ(summary->status, 200) << summary->body;
  EXPECT_EQ(json::parse(summary->body)["account"], hostile);
  ExpectSecurityHeaders(summary->headers, "summary");
}

}  // namespace
}  // namespace crm
