// Exports through the real server on the Kaggle data: an insight's tables in every format with the
// insight's filters, a client's tables posted back as a download, the PDF account report, their content
// types and attachment names, and 400 / 404 / 415 answers; and the same exports from the CLI.
#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>

#include <nlohmann/json.hpp>

#include "integration/kaggle_server_test.h"
#include "integration/server_process.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! One server over the Kaggle data for the whole suite.
class ExportApiTest : public test::KaggleServerTest {
 protected:
  //! The Content-Disposition header of GET `path` as sent (httplib's client percent-decodes header values).
  std::string RawDisposition(const std::string& path) const {
    const std::string answer =
        test::RawHttp(server_->port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const std::string name = "\r\nContent-Disposition: ";
    const size_t start = answer.find(name);
    if (start == std::string::npos) return "(none)";
    const size_t end = answer.find("\r\n", start + name.size());
    return answer.substr(start + name.size(), end - start - name.size());
  }

  //! The error message of a JSON error answer.
  static std::string ErrorOf(const httplib::Result& result) {
    const json body = json::parse(result->body, nullptr, false);
    return body.is_object() && body.contains("error") ? body["error"].get<std::string>() : "(no JSON error)";
  }
};

TEST_F(ExportApiTest, InsightTablesInEveryFormatWithTheInsightsFilters) {
  auto insight = client_->Get("/api/v1/insights/pipeline_overview?regional_office=West");
  ASSERT_TRUE(insight);
  const json expected = json::parse(insight->body);
  const std::string first = expected["tables"][0]["name"];
  const std::string base = "/api/v1/insights/pipeline_overview/export?regional_office=West&format=";

  auto json_export = client_->Get(base + "json");
  ASSERT_TRUE(json_export);
  ASSERT_EQ(json_export->status, 200) << json_export->body;
  EXPECT_EQ(json_export->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(RawDisposition("/api/v1/insights/pipeline_overview/export?regional_office=West&format=json"),
            "attachment; filename=\"pipeline_overview-2017-12-31.json\"; "
            "filename*=UTF-8''pipeline_overview%202017-12-31.json");
  EXPECT_EQ(json::parse(json_export->body)["tables"], expected["tables"]);

  auto csv = client_->Get(base + "csv&table=" + first);
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  std::string header = "\xEF\xBB\xBF";
  for (const json& column : expected["tables"][0]["columns"])
    header += (header.size() > 3 ? "," : "") + column.get<std::string>();
  EXPECT_EQ(csv->body.rfind(header + "\r\n", 0), 0u) << csv->body.substr(0, 200);
  size_t lines = 0;
  for (const char c : csv->body) lines += c == '\n';
  EXPECT_EQ(lines, expected["tables"][0]["rows"].size() + 1);

  auto xlsx = client_->Get(base + "xlsx");
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200) << xlsx->body;
  EXPECT_EQ(xlsx->get_header_value("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx->body.rfind("PK\x03\x04", 0), 0u);

  auto markdown = client_->Get(base + "md");
  ASSERT_TRUE(markdown);
  ASSERT_EQ(markdown->status, 200) << markdown->body;
  EXPECT_EQ(markdown->get_header_value("Content-Type"), "text/markdown; charset=utf-8");
  EXPECT_EQ(markdown->body.rfind("# pipeline_overview 2017-12-31\n", 0), 0u) << markdown->body.substr(0, 200);
  EXPECT_NE(markdown->body.find("\n## " + first + "\n"), std::string::npos);
}

TEST_F(ExportApiTest, BadInsightExportsAre400WithAClearMessage) {
  const auto expect_400 = [&](const std::string& path, const std::string& message) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << path;
    EXPECT_NE(ErrorOf(result).find(message), std::string::npos) << path << ": " << ErrorOf(result);
  };
  expect_400("/api/v1/insights/pipeline_overview/export", "format is required");
  expect_400("/api/v1/insights/pipeline_overview/export?format=pdf", "unknown format 'pdf'");
  expect_400("/api/v1/insights/nonsense/export?format=csv", "unknown insight type 'nonsense'");
  expect_400("/api/v1/insights/pipeline_overview/export?format=csv&table=nope", "has no table 'nope'");
  expect_400("/api/v1/insights/pipeline_overview/export?format=csv&colour=red",
             "unknown query parameter 'colour'");
  expect_400("/api/v1/insights/pipeline_overview/export?format=csv&format=md", "'format' is repeated");
  expect_400("/api/v1/insights/pipeline_overview/export?format=csv&sector=nosuch", "nosuch");
}

TEST_F(ExportApiTest, PostedTablesComeBackNeutralisedAndBadBodiesAre400) {
  const json body = {{"format", "csv"},
                     {"title", "Zoë's answer"},
                     {"markdown", "**Top deals**"},
                     {"tables",
                      {{{"name", "deals"},
                        {"columns", {"account", "value"}},
                        {"rows", json::array({json::array({"=HYPERLINK(\"http://x\",\"y\")", -5}),
                                              json::array({"-5", nullptr})})}}}}};
  auto csv = client_->Post("/api/v1/export", body.dump(), "application/json");
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200) << csv->body;
  EXPECT_EQ(csv->body,
            "\xEF\xBB\xBF"
            "account,value\r\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5\r\n'-5,\r\n");
  // The client percent-decodes header values: the UTF-8 name comes back whole.
  EXPECT_EQ(csv->get_header_value("Content-Disposition"),
            "attachment; filename=\"Zo-s-answer.csv\"; filename*=UTF-8''Zoë's answer.csv");
  json markdown_body = body;
  markdown_body["format"] = "md";
  auto markdown = client_->Post("/api/v1/export", markdown_body.dump(), "application/json");
  ASSERT_TRUE(markdown);
  EXPECT_EQ(markdown->body.rfind("# Zoë's answer\n\n**Top deals**\n", 0), 0u) << markdown->body;

  // A body larger than the API's usual 64 KiB limit is accepted here.
  json big = {{"format", "xlsx"},
              {"tables", {{{"name", "t"}, {"columns", {"a", "b"}}, {"rows", json::array()}}}}};
  for (int i = 0; i < 5000; ++i) big["tables"][0]["rows"].push_back({"row number " + std::to_string(i), i});
  auto xlsx = client_->Post("/api/v1/export", big.dump(), "application/json");
  ASSERT_TRUE(xlsx);
  EXPECT_EQ(xlsx->status, 200) << xlsx->body.substr(0, 200);

  const auto expect_error = [&](const std::string& text, int status, const std::string& message) {
    auto result = client_->Post("/api/v1/export", text, "application/json");
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << text;
    EXPECT_NE(ErrorOf(result).find(message), std::string::npos) << ErrorOf(result);
  };
  expect_error("{", 400, "not valid JSON");
  expect_error(R"({"tables": []})", 400, "format is required");
  expect_error(R"({"format": "csv", "markdown": "no tables"})", 400, "no table");
  expect_error(R"({"format": "json", "tables": [{"name": "t", "columns": ["a"], "rows": [[1, 2]]}]})", 400,
               "tables[0].rows[0] must be an array of 1 cells");
  expect_error(R"({"format": "json", "tables": [{"name": "t", "columns": ["a"], "rows": [[{}]]}]})", 400,
               "must be a number, text or null");
  auto plain = client_->Post("/api/v1/export", body.dump(), "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
}

TEST_F(ExportApiTest, AccountReportIsAPdfAndUnknownAccountsAre404) {
  auto pdf = client_->Get("/api/v1/accounts/kan-code/report.pdf");
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200) << pdf->body.substr(0, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(RawDisposition("/api/v1/accounts/kan-code/report.pdf"),
            "attachment; filename=\"Kan-code-report.pdf\"; filename*=UTF-8''Kan-code%20report.pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->body.find("/Title (Kan-code)"), std::string::npos);
  auto missing = client_->Get("/api/v1/accounts/No%20Such%20Company/report.pdf");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(ErrorOf(missing).find("No Such Company"), std::string::npos) << ErrorOf(missing);
}

TEST_F(ExportApiTest, TheRoutesAreInTheOpenApiDocumentAndHugeBodiesAre413) {
  auto openapi = client_->Get("/api/v1/openapi.json");
  ASSERT_TRUE(openapi);
  const json paths = json::parse(openapi->body)["paths"];
  EXPECT_TRUE(paths["/api/v1/insights/{type}/export"].contains("get"));
  EXPECT_TRUE(paths["/api/v1/export"].contains("post"));
  EXPECT_TRUE(paths["/api/v1/accounts/{name}/report.pdf"].contains("get"));
  const std::string declared = test::RawHttp(
      server_->port(),
      "POST /api/v1/export HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
          std::to_string(9 * 1024 * 1024) + "\r\n\r\n{");
  EXPECT_EQ(declared.rfind("HTTP/1.1 413", 0), 0u) << declared;
}

TEST(ExportCli, InsightExportAndSummaryPdfWriteFiles) {
  CRM_REQUIRE_SHARED_DATA();
  const test::TempDir dir;
  const std::string data = "--data " + test::SharedDataDir();
  const auto xlsx =
      test::RunCli(data + " insight account_health --top 5 --export " + dir.File("health.xlsx"));
  ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
  EXPECT_EQ(test::ReadFile(dir.File("health.xlsx")).rfind("PK\x03\x04", 0), 0u);
  const auto markdown = test::RunCli(data + " --json insight pipeline_overview --export " + dir.File("p.md"));
  ASSERT_EQ(markdown.exit_code, 0) << markdown.err;
  EXPECT_EQ(json::parse(markdown.out)["format"], "md");
  EXPECT_EQ(test::ReadFile(dir.File("p.md")).rfind("# pipeline_overview 2017-12-31\n", 0), 0u);
  const auto bad = test::RunCli(data + " insight pipeline_overview --export " + dir.File("p.txt"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find(".csv, .xlsx, .json or .md"), std::string::npos) << bad.err;
  const auto pdf = test::RunCli(data + " summary Kan-code --pdf " + dir.File("kan-code.pdf"));
  ASSERT_EQ(pdf.exit_code, 0) << pdf.err;
  EXPECT_EQ(test::ReadFile(dir.File("kan-code.pdf")).rfind("%PDF-", 0), 0u);
  const auto unknown = test::RunCli(data + " summary 'No Such Company' --pdf " + dir.File("x.pdf"));
  EXPECT_EQ(unknown.exit_code, 1);
}

}  // namespace
}  // namespace crm
