// The web UI served by `crm-assistant serve` over small demo data: the embedded page and assets with their
// content types, security headers and ETags (304 when unchanged), no path outside the assets, the API's
// own 404s untouched, and `--web-root DIR` serving a folder instead.
#include <gtest/gtest.h>
#include <httplib.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/suite_server_test.h"
#include "support/test_support.h"

namespace crm {
namespace {

constexpr char kCsp[] =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src "
    "'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

//! The status code of a raw HTTP answer.
int RawStatus(const std::string& answer) {
  return answer.size() > 12 && answer.starts_with("HTTP/1.1 ") ? std::stoi(answer.substr(9, 3)) : 0;
}

//! Demo data and a server over it (embedded UI) for the whole suite.
class WebStaticTest : public test::SuiteServerTest {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    const auto demo = test::RunCli("demo-data --out " + dir_->File("demo") + " --opportunities 300 --seed 5");
    ASSERT_EQ(demo.exit_code, 0) << demo.err;
    StartServer(GlobalArgs());
  }
  static std::string GlobalArgs() { return "--db " + dir_->File("crm.db") + " --data " + dir_->File("demo"); }
};

TEST_F(WebStaticTest, TheRootIsThePageWithTheSecurityHeaders) {
  auto result = client_->Get("/");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(result->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(result->get_header_value("Content-Security-Policy"), kCsp);
  EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(result->get_header_value("X-Frame-Options"), "DENY");
  EXPECT_EQ(result->get_header_value("Cache-Control"), "no-cache");
  EXPECT_EQ(result->get_header_value_count("Cache-Control"), 1u);
  EXPECT_FALSE(result->get_header_value("ETag").empty());
  EXPECT_NE(result->body.find(R"(<script type="module" src="js/app.js">)"), std::string::npos);
  // The CSP forbids inline code: the page has none.
  EXPECT_EQ(result->body.find("<script>"), std::string::npos);
  EXPECT_EQ(result->body.find("<style"), std::string::npos);
  EXPECT_EQ(result->body.find(" style="), std::string::npos);
}

TEST_F(WebStaticTest, AssetsHaveTheirContentTypes) {
  const std::pair<const char*, const char*> assets[] = {
      {"/index.html", "text/html; charset=utf-8"},
      {"/css/app.css", "text/css; charset=utf-8"},
      {"/js/app.js", "text/javascript; charset=utf-8"},
      {"/js/pages/dashboard.js", "text/javascript; charset=utf-8"},
      {"/vendor/chart.umd.js", "text/javascript; charset=utf-8"},
      {"/vendor/marked.esm.js", "text/javascript; charset=utf-8"},
      {"/vendor/purify.es.mjs", "text/javascript; charset=utf-8"},
  };
  for (const auto& [path, type] : assets) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result) << path;
    EXPECT_EQ(result->status, 200) << path;
    EXPECT_EQ(result->get_header_value("Content-Type"), type) << path;
    EXPECT_EQ(result->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_FALSE(result->body.empty()) << path;
  }
}

TEST_F(WebStaticTest, AnUnchangedAssetIsNotSentAgain) {
  auto first = client_->Get("/js/app.js");
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client_->Get("/js/app.js", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->get_header_value("ETag"), etag);
  EXPECT_EQ(again->get_header_value("Content-Security-Policy"), kCsp);
  auto changed = client_->Get("/js/app.js", {{"If-None-Match", "\"0000000000000000\""}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, first->body);
}

TEST_F(WebStaticTest, PathsOutsideTheAssetsAreRefused) {
  for (const char* path : {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/js/..%2f..%2fCMakeLists.txt",
                           "/.%2e/etc/passwd", "/js/%2E%2E/%2E%2E/etc/passwd", "/..%5c..%5cetc%5cpasswd",
                           "/etc/passwd", "/package.json", "/node_modules/marked/package.json"}) {
    const std::string answer = test::RawHttp(
        server_->port(), std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(RawStatus(answer), 404) << path << "\n" << answer.substr(0, 200);
    EXPECT_EQ(answer.find("root:"), std::string::npos) << path;
    EXPECT_NE(answer.find(R"({"error":"not found"})"), std::string::npos) << path;
  }
}

TEST_F(WebStaticTest, TheApiKeepsItsOwnAnswers) {
  auto unknown = client_->Get("/api/v1/no-such-route");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(unknown->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto health = client_->Get("/api/v1/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  auto post = client_->Post("/", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 404);
}

TEST_F(WebStaticTest, FiltersListTheValuesInTheData) {
  auto result = client_->Get("/api/v1/filters");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const nlohmann::json filters = nlohmann::json::parse(result->body);
  for (const char* name : {"regional_office", "manager", "sales_agent", "sector", "product"}) {
    ASSERT_TRUE(filters[name].is_array()) << name;
    const auto values = filters[name].get<std::vector<std::string>>();
    EXPECT_FALSE(values.empty()) << name;
    EXPECT_TRUE(std::is_sorted(values.begin(), values.end())) << name;
    EXPECT_EQ(std::adjacent_find(values.begin(), values.end()), values.end()) << name;
  }
  const auto health = nlohmann::json::parse(client_->Get("/api/v1/health")->body);
  EXPECT_EQ(filters["sales_agent"].size(), health["data"]["sales_agents"].get<size_t>());
  EXPECT_EQ(filters["product"].size(), health["data"]["products"].get<size_t>());
  const auto periods = filters["period"].get<std::vector<std::string>>();
  ASSERT_FALSE(periods.empty());
  EXPECT_EQ(periods.front().size(), 4u);  // years first, then quarters, then months
  EXPECT_NE(std::find_if(periods.begin(), periods.end(),
                         [](const std::string& p) { return p.size() == 7 && p[5] == 'Q'; }),
            periods.end());
  EXPECT_EQ(periods.back().size(), 7u);
  EXPECT_EQ(periods.back()[4], '-');
  // Every listed period is accepted by the insights.
  EXPECT_EQ(client_->Get("/api/v1/insights/pipeline_overview?period=" + periods.back())->status, 200);
}

TEST_F(WebStaticTest, WebRootServesAFolderInstead) {
  test::TempDir web;
  std::filesystem::create_directories(web.path() / "js");
  test::WriteFile(web.File("index.html"), "<!doctype html><p>development copy</p>");
  test::WriteFile(web.File("js/app.js"), "export {};");
  test::WriteFile(dir_->File("secret.txt"), "secret");
  test::ServerProcess server(GlobalArgs(), "--web-root " + web.path().string());
  ASSERT_GT(server.port(), 0) << server.banner();
  httplib::Client client("127.0.0.1", server.port());

  auto page = client.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->body, "<!doctype html><p>development copy</p>");
  EXPECT_EQ(page->get_header_value("Content-Security-Policy"), kCsp);
  auto script = client.Get("/js/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  auto again = client.Get("/js/app.js", {{"If-None-Match", script->get_header_value("ETag")}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  // The npm builds come from the program when the folder has none.
  auto vendored = client.Get("/vendor/chart.umd.js");
  ASSERT_TRUE(vendored);
  EXPECT_EQ(vendored->status, 200);
  EXPECT_EQ(client.Get("/css/app.css")->status, 404);
  const std::string escape =
      test::RawHttp(server.port(), "GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(RawStatus(escape), 404);
  EXPECT_EQ(escape.find("secret"), std::string::npos);
}

TEST_F(WebStaticTest, WebRootMustBeAFolder) {
  const auto run = test::RunCli(GlobalArgs() + " serve --port 0 --web-root " + dir_->File("missing"));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("--web-root"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("is not a folder"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace crm
