// Row-level access on the real server: a rep sees their own deals and the accounts they work, a manager
// their team's, an admin everything — through the records, search, the chat, exports and the account
// report; what lies outside one's scope is answered as if it did not exist.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "integration/demo_users_server.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

constexpr char kRepAgent[] = "Aiden Marsh";
constexpr char kManager[] = "Harriet Okafor";

//! A deal of the demo pipeline.
struct Deal {
  std::string id, agent, account, stage;
};

//! The lines of a CSV file split at commas (the demo files quote nothing).
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::vector<std::vector<std::string>> rows;
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);  // the header
  while (std::getline(file, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::stringstream stream(line);
    std::string field;
    while (std::getline(stream, field, ',')) fields.push_back(field);
    if (!line.empty() && line.back() == ',') fields.emplace_back();
    rows.push_back(std::move(fields));
  }
  return rows;
}

//! What the tests look for, picked from the demo files: deals inside and outside each scope.
struct Picks {
  Deal own;      //!< a deal of the rep's, with an account
  Deal team;     //!< a deal of another agent of the rep's manager, on an account the rep never works
  Deal outside;  //!< an open deal on an account nobody of the manager's team works
};

//! The picks; a member has an empty id when the data has none.
Picks Pick(const std::string& folder) {
  std::set<std::string> team;
  for (const auto& row : ReadCsv(folder + "/sales_teams.csv"))
    if (row.size() >= 2 && row[1] == kManager) team.insert(row[0]);
  std::vector<Deal> deals;
  std::map<std::string, std::set<std::string>> agents_of;
  for (const auto& row : ReadCsv(folder + "/sales_pipeline.csv")) {
    if (row.size() < 5) continue;
    deals.push_back({row[0], row[1], row[3], row[4]});
    if (!row[3].empty()) agents_of[row[3]].insert(row[1]);
  }
  Picks picks;
  for (const Deal& deal : deals) {
    if (deal.account.empty()) continue;
    const auto& agents = agents_of[deal.account];
    const bool rep_works = agents.contains(kRepAgent);
    const bool team_works =
        std::any_of(agents.begin(), agents.end(), [&](auto& a) { return team.contains(a); });
    if (deal.agent == kRepAgent && picks.own.id.empty()) picks.own = deal;
    if (team.contains(deal.agent) && deal.agent != kRepAgent && !rep_works && picks.team.id.empty())
      picks.team = deal;
    if (!team_works && deal.stage == "Engaging" && picks.outside.id.empty()) picks.outside = deal;
  }
  return picks;
}

//! One server over demo data with users ann (admin), hal (manager of the rep) and moe (rep).
class ScopeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    setup_ =
        new test::DemoUsersServer({{"ann", "--role admin"},
                                   {"hal", std::string("--role manager --manager '") + kManager + "'"},
                                   {"moe", std::string("--role rep --sales-agent '") + kRepAgent + "'"}});
    if (setup_->ready()) picks_ = new Picks(Pick(setup_->demo_dir()));
  }
  static void TearDownTestSuite() {
    delete picks_;
    delete setup_;
  }
  void SetUp() override {
    ASSERT_TRUE(setup_->ready()) << "the demo data or the users could not be made";
    ASSERT_GT(setup_->server().port(), 0) << setup_->server().banner();
    ASSERT_FALSE(picks_->own.id.empty());
    ASSERT_FALSE(picks_->team.id.empty());
    ASSERT_FALSE(picks_->outside.id.empty());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", setup_->server().port());
    client_->set_read_timeout(60, 0);
  }

  //! GET `path` as `user`.
  httplib::Result Get(const std::string& user, const std::string& path) {
    return client_->Get(path, {{"Authorization", "Bearer " + setup_->token(user)}});
  }
  //! The status of GET `path` as `user`.
  int Status(const std::string& user, const std::string& path) {
    auto result = Get(user, path);
    return result ? result->status : -1;
  }
  //! The answer of the chat to `question` as `user`: its whole JSON as text.
  std::string Ask(const std::string& user, const std::string& question) {
    auto result = client_->Post("/api/v1/ask", {{"Authorization", "Bearer " + setup_->token(user)}},
                                json({{"question", question}}).dump(), "application/json");
    EXPECT_TRUE(result && result->status == 200) << (result ? result->body : "no answer");
    return result ? result->body : "";
  }
  //! The opportunity count of the data `user` sees.
  int64_t Opportunities(const std::string& user) {
    auto result = Get(user, "/api/v1/health");
    if (!result || result->status != 200) return -1;
    return json::parse(result->body)["data"]["opportunities"].get<int64_t>();
  }

  static test::DemoUsersServer* setup_;
  static Picks* picks_;
  std::unique_ptr<httplib::Client> client_;
};

test::DemoUsersServer* ScopeApiTest::setup_ = nullptr;
Picks* ScopeApiTest::picks_ = nullptr;

TEST_F(ScopeApiTest, EachRoleSeesItsShareOfTheDeals) {
  const int64_t all = Opportunities("ann");
  const int64_t team = Opportunities("hal");
  const int64_t own = Opportunities("moe");
  EXPECT_GT(all, team);
  EXPECT_GT(team, own);
  EXPECT_GT(own, 0);
}

TEST_F(ScopeApiTest, ADealOutsideTheScopeIsNotFound) {
  const std::string own = "/api/v1/opportunities/" + picks_->own.id;
  const std::string team = "/api/v1/opportunities/" + picks_->team.id;
  const std::string outside = "/api/v1/opportunities/" + picks_->outside.id;
  EXPECT_EQ(Status("moe", own), 200);
  EXPECT_EQ(Status("moe", team), 404);
  EXPECT_EQ(Status("moe", outside), 404);
  EXPECT_EQ(Status("hal", own), 200);
  EXPECT_EQ(Status("hal", team), 200);
  EXPECT_EQ(Status("hal", outside), 404);
  EXPECT_EQ(Status("ann", outside), 200);
}

TEST_F(ScopeApiTest, AnAccountOutsideTheScopeIsNotFoundAnywhere) {
  const std::string account = test::EncodePathSegment(picks_->outside.account);
  for (const std::string& path : {"/api/v1/accounts/" + account, "/api/v1/accounts/" + account + "/summary",
                                  "/api/v1/accounts/" + account + "/report.pdf"}) {
    EXPECT_EQ(Status("moe", path), 404) << path;
    EXPECT_EQ(Status("ann", path), 200) << path;
  }
  auto own_account = Get("moe", "/api/v1/accounts/" + test::EncodePathSegment(picks_->own.account));
  ASSERT_TRUE(own_account);
  ASSERT_EQ(own_account->status, 200) << own_account->body;
  const json account_page = json::parse(own_account->body);
  for (const json& deal : account_page["opportunities"]) {
    EXPECT_EQ(deal["sales_agent"], kRepAgent);  // the rep's deals only, even on an account others work too
  }
}

TEST_F(ScopeApiTest, SearchFindsOnlyWhatTheCallerSees) {
  const std::string query = "/api/v1/search?q=" + test::EncodePathSegment(picks_->outside.account) + "&k=50";
  auto admin = Get("ann", query);
  auto rep = Get("moe", query);
  ASSERT_TRUE(admin && rep);
  ASSERT_EQ(admin->status, 200);
  ASSERT_EQ(rep->status, 200);
  EXPECT_NE(admin->body.find(picks_->outside.id), std::string::npos);
  EXPECT_EQ(rep->body.find(picks_->outside.id), std::string::npos);
  const json found = json::parse(rep->body);
  for (const json& result : found["results"]) {  // the query itself is echoed
    EXPECT_EQ(result.dump().find(picks_->outside.account), std::string::npos) << result.dump();
  }
}

TEST_F(ScopeApiTest, TheChatAnswersAsIfOtherDataDidNotExist) {
  const std::string question = "summarize the account " + picks_->outside.account;
  const std::string admin = Ask("ann", question);
  const std::string rep = Ask("moe", question);
  EXPECT_NE(admin.find(picks_->outside.agent), std::string::npos);
  EXPECT_EQ(rep.find(picks_->outside.agent), std::string::npos) << rep;
  const std::string deal = "what is the win probability of " + picks_->outside.id + "?";
  EXPECT_NE(Ask("ann", deal).find(picks_->outside.account), std::string::npos);
  EXPECT_EQ(Ask("moe", deal).find(picks_->outside.account), std::string::npos);
  // Another rep's deal gets the answer a deal that does not exist gets: nothing tells them it exists.
  const std::string shown = "show me opportunity " + picks_->outside.id;
  EXPECT_NE(Ask("moe", shown).find("I found no opportunity"), std::string::npos);
  EXPECT_EQ(Ask("ann", shown).find("I found no opportunity"), std::string::npos);
}

TEST_F(ScopeApiTest, ExportsHoldOnlyTheCallersRows) {
  const std::string path = "/api/v1/insights/top_opportunities/export?format=csv&top=100000";
  auto admin = Get("ann", path);
  auto rep = Get("moe", path);
  ASSERT_TRUE(admin && rep);
  ASSERT_EQ(admin->status, 200) << admin->body;
  ASSERT_EQ(rep->status, 200) << rep->body;
  EXPECT_NE(admin->body.find(picks_->outside.id), std::string::npos);
  EXPECT_EQ(rep->body.find(picks_->outside.id), std::string::npos);
  EXPECT_EQ(rep->body.find(picks_->outside.account), std::string::npos);
}

TEST_F(ScopeApiTest, TheImportHistoryIsForAdminsOnly) {
  EXPECT_EQ(Status("moe", "/api/v1/imports"), 403);
  EXPECT_EQ(Status("hal", "/api/v1/imports"), 403);
  EXPECT_EQ(Status("ann", "/api/v1/imports"), 200);
}

}  // namespace
}  // namespace crm
