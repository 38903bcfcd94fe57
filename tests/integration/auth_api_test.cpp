// Sign-in on the real server once users exist: the session cookie and its flags, wrong credentials,
// 401 without credentials, CSRF on cookie requests, Bearer tokens, sign-out, the audit log of sign-ins
// and asks (JSON and streaming), the per-user rate limit; and `serve --host` off loopback only with users.
#include <gtest/gtest.h>
#include <httplib.h>

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

#include <nlohmann/json.hpp>

#include "integration/demo_users_server.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! One server over demo data with users ann (admin), moe (rep) and rae (rep, for the rate limit).
class AuthApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_ = new test::DemoUsersServer({{"ann", "--role admin"},
                                        {"moe", "--role rep --sales-agent 'Aiden Marsh'"},
                                        {"rae", "--role rep --sales-agent 'Aiden Marsh'"}},
                                       "--rate-limit 5 --rate-burst 30");
  }
  static void TearDownTestSuite() { delete setup_; }
  void SetUp() override {
    ASSERT_TRUE(setup_->ready()) << "the demo data or the users could not be made";
    ASSERT_GT(setup_->server().port(), 0) << setup_->server().banner();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", setup_->server().port());
    client_->set_read_timeout(60, 0);
  }

  //! Signs in; the answer.
  httplib::Result SignIn(const std::string& user, const std::string& password) {
    return client_->Post("/api/v1/session", json({{"user", user}, {"password", password}}).dump(),
                         "application/json");
  }
  //! The "crm_session=…" pair of a sign-in answer's Set-Cookie.
  static std::string CookieOf(const httplib::Result& result) {
    const std::string header = result->get_header_value("Set-Cookie");
    return header.substr(0, header.find(';'));
  }
  //! Asks `question` with `headers`.
  httplib::Result Ask(const std::string& question, const httplib::Headers& headers) {
    return client_->Post("/api/v1/ask", headers, json({{"question", question}}).dump(), "application/json");
  }
  //! The error message of a JSON error answer.
  static std::string ErrorOf(const httplib::Result& result) {
    const json body = json::parse(result->body, nullptr, false);
    return body.is_object() && body["error"].is_string() ? body["error"].get<std::string>()
                                                         : "(no JSON error)";
  }

  static test::DemoUsersServer* setup_;
  std::unique_ptr<httplib::Client> client_;
};

test::DemoUsersServer* AuthApiTest::setup_ = nullptr;

TEST_F(AuthApiTest, SignInSetsAStrictHttpOnlyCookieAndTellsWhoSignedIn) {
  auto signed_in = SignIn("moe", "password-moe");
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200) << signed_in->body;
  const std::string cookie = signed_in->get_header_value("Set-Cookie");
  EXPECT_EQ(cookie.rfind("crm_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << cookie;  // plain HTTP
  const json body = json::parse(signed_in->body);
  EXPECT_EQ(body["user"], "moe");
  EXPECT_EQ(body["role"], "rep");
  EXPECT_EQ(body["sales_agent"], "Aiden Marsh");
  EXPECT_TRUE(body["manager"].is_null());
  ASSERT_TRUE(body["csrf_token"].is_string());
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 64u);

  auto me = client_->Get("/api/v1/session", {{"Cookie", CookieOf(signed_in)}});
  ASSERT_TRUE(me);
  EXPECT_EQ(me->status, 200);
  EXPECT_EQ(json::parse(me->body)["csrf_token"], body["csrf_token"]);
  auto insight =
      client_->Get("/api/v1/insights/pipeline_overview", {{"Cookie", "a=b; " + CookieOf(signed_in)}});
  ASSERT_TRUE(insight);
  EXPECT_EQ(insight->status, 200);
}

TEST_F(AuthApiTest, WrongPasswordAndUnknownUserGetTheSameGeneric401) {
  auto wrong = SignIn("ann", "password-moe");
  auto unknown = SignIn("nobody", "password-moe");
  ASSERT_TRUE(wrong && unknown);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(ErrorOf(wrong), "wrong user name or password");
  EXPECT_EQ(wrong->body, unknown->body);
  EXPECT_TRUE(wrong->get_header_value("Set-Cookie").empty());
  auto form =
      client_->Post("/api/v1/session", "user=ann&password=password-ann", "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
}

TEST_F(AuthApiTest, WithoutCredentialsTheApiAnswers401ButHealthAndTheDocumentDoNot) {
  for (const char* path : {"/api/v1/insights/pipeline_overview", "/api/v1/session", "/api/v1/accounts"}) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 401) << path;
    EXPECT_FALSE(ErrorOf(result).empty()) << path;
  }
  auto forged = client_->Get("/api/v1/accounts", {{"Cookie", "crm_session=0123"}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
  auto ask = Ask("how is the pipeline?", {});
  ASSERT_TRUE(ask);
  EXPECT_EQ(ask->status, 401);
  for (const char* path : {"/api/v1/health", "/api/v1/openapi.json"}) {
    auto result = client_->Get(path);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 200) << path;
  }
}

TEST_F(AuthApiTest, CookieRequestsThatChangeStateNeedTheSessionsCsrfToken) {
  auto signed_in = SignIn("ann", "password-ann");
  ASSERT_TRUE(signed_in);
  ASSERT_EQ(signed_in->status, 200);
  const std::string cookie = CookieOf(signed_in);
  const std::string csrf = json::parse(signed_in->body)["csrf_token"];
  auto missing = Ask("how is the pipeline?", {{"Cookie", cookie}});
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 403);
  EXPECT_NE(ErrorOf(missing).find("X-CSRF-Token"), std::string::npos);
  auto wrong = Ask("how is the pipeline?", {{"Cookie", cookie}, {"X-CSRF-Token", std::string(64, 'a')}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 403);
  auto right = Ask("how is the pipeline?", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_TRUE(right);
  EXPECT_EQ(right->status, 200) << right->body;

  auto no_token_out = client_->Delete("/api/v1/session", {{"Cookie", cookie}});
  ASSERT_TRUE(no_token_out);
  EXPECT_EQ(no_token_out->status, 403);
  auto out = client_->Delete("/api/v1/session", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}});
  ASSERT_TRUE(out);
  EXPECT_EQ(out->status, 200);
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  auto after = client_->Get("/api/v1/session", {{"Cookie", cookie}});
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401);
}

TEST_F(AuthApiTest, BearerTokensNeedNoCsrfAndForgedOnesGet401) {
  auto asked = Ask("how is the pipeline?", {{"Authorization", "Bearer " + setup_->token("ann")}});
  ASSERT_TRUE(asked);
  EXPECT_EQ(asked->status, 200) << asked->body;
  auto me = client_->Get("/api/v1/session", {{"Authorization", "Bearer " + setup_->token("ann")}});
  ASSERT_TRUE(me);
  EXPECT_EQ(json::parse(me->body)["user"], "ann");
  auto forged = client_->Get("/api/v1/session", {{"Authorization", "Bearer crm_" + std::string(64, '0')}});
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 401);
}

TEST_F(AuthApiTest, ATokenRevokedFromTheCommandLineStopsWorkingAtOnce) {
  const std::string db = setup_->global_args();
  test::CliRun made = test::RunCli(db + " user token ann --label short-lived");
  ASSERT_EQ(made.exit_code, 0) << made.err;
  made.out.pop_back();
  const httplib::Headers headers = {{"Authorization", "Bearer " + made.out}};
  auto before = client_->Get("/api/v1/session", headers);
  ASSERT_TRUE(before);
  ASSERT_EQ(before->status, 200);
  ASSERT_EQ(test::RunCli(db + " user revoke-token ann --label short-lived").exit_code, 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the server looks every 50 ms
  auto after = client_->Get("/api/v1/session", headers);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 401) << "a revoked token still worked";
}

TEST_F(AuthApiTest, TheAuditLogHasSignInsAndAnswersAndOnlyAdminsReadIt) {
  const httplib::Headers ann = {{"Authorization", "Bearer " + setup_->token("ann")}};
  ASSERT_TRUE(SignIn("moe", "not-moes-password"));
  const std::string question = "which deals are at risk? audit-check";
  ASSERT_EQ(Ask(question, ann)->status, 200);
  httplib::Headers streaming = ann;
  streaming.emplace("Accept", "text/event-stream");
  auto streamed = Ask(question + " streamed", streaming);
  ASSERT_TRUE(streamed);
  EXPECT_NE(streamed->body.find("event: done"), std::string::npos);

  auto audit = client_->Get("/api/v1/audit?limit=50", ann);
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->status, 200) << audit->body;
  bool failed_sign_in = false, asked = false, streamed_ask = false;
  const json entries = json::parse(audit->body)["entries"];
  for (const json& entry : entries) {
    if (entry["action"] == "sign_in" && entry["user"] == "moe" && entry["detail"]["ok"] == false)
      failed_sign_in = true;
    const json& detail = entry["detail"];
    if (entry["action"] != "ask" || entry["user"] != "ann" || !detail["question"].is_string() ||
        detail["question"].get<std::string>().rfind(question, 0) != 0) {
      continue;
    }
    EXPECT_EQ(detail["intent"], "at_risk_deals");
    EXPECT_TRUE(detail["sources"].is_array());
    EXPECT_FALSE(detail["sources"].empty());
    EXPECT_EQ(detail["writer"], "offline");
    asked = asked || detail["question"] == question;
    streamed_ask = streamed_ask || detail["question"] == question + " streamed";
  }
  EXPECT_TRUE(failed_sign_in);
  EXPECT_TRUE(asked);
  EXPECT_TRUE(streamed_ask);

  auto bad_limit = client_->Get("/api/v1/audit?limit=0", ann);
  ASSERT_TRUE(bad_limit);
  EXPECT_EQ(bad_limit->status, 400);
  auto moe = SignIn("moe", "password-moe");
  ASSERT_EQ(moe->status, 200);
  auto rep = client_->Get("/api/v1/audit", {{"Cookie", CookieOf(moe)}});
  ASSERT_TRUE(rep);
  EXPECT_EQ(rep->status, 403);
}

TEST_F(AuthApiTest, ARepOverTheRateLimitGets429WithRetryAfter) {
  const httplib::Headers rae = {{"Authorization", "Bearer " + setup_->token("rae")}};
  int limited = 0;
  std::string retry_after, error;
  for (int i = 0; i < 80 && limited == 0; ++i) {
    auto result = client_->Get("/api/v1/session", rae);
    ASSERT_TRUE(result);
    if (result->status == 429) {
      ++limited;
      retry_after = result->get_header_value("Retry-After");
      error = ErrorOf(result);
    }
  }
  EXPECT_EQ(limited, 1);
  EXPECT_EQ(retry_after, "1");
  EXPECT_NE(error.find("too many requests"), std::string::npos);
}

//! Runs `crm-assistant ARGS` for at most `seconds`; exit status 124 when it was still running then.
test::CliRun RunFor(int seconds, const std::string& args) {
  test::TempDir dir;
  const std::string command = "timeout " + std::to_string(seconds) + " " + CRM_CLI_PATH + " " + args + " >" +
                              dir.File("out") + " 2>" + dir.File("err") + " </dev/null";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, test::ReadFile(dir.File("out")),
          test::ReadFile(dir.File("err"))};
}

TEST(AuthServeTest, ListensOffLoopbackOnlyOnceUsersExist) {
  test::TempDir dir;
  const std::string global = "--db " + dir.File("crm.db") + " --data " + dir.File("demo");
  ASSERT_EQ(test::RunCli("demo-data --out " + dir.File("demo") + " --opportunities 300 --seed 1").exit_code,
            0);
  auto refused = RunFor(30, global + " serve --host 0.0.0.0 --port 0");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("no users exist"), std::string::npos) << refused.err;
  ASSERT_EQ(test::RunCliWithInput(global + " user add ann --role admin", "password-ann\n").exit_code, 0);
  auto serving = RunFor(4, global + " serve --host 0.0.0.0 --port 0");
  EXPECT_EQ(serving.exit_code, 124) << serving.err;
  EXPECT_NE(serving.out.find("Serving on http://0.0.0.0:"), std::string::npos) << serving.out;
}

}  // namespace
}  // namespace crm
