// `crm-assistant serve` over data its stored models were not trained on: it answers at once with the
// historical rates, saying the models are being refitted, trains them in the background and swaps them
// in, after which every page and answer (cached insights included) uses the new models.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <set>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "integration/server_process.h"
#include "support/test_support.h"

namespace crm {
namespace {

using nlohmann::json;

//! The id of the first Engaging deal in the CSV folder's sales_pipeline.csv.
std::string FirstEngagingDeal(const std::string& folder) {
  const std::string pipeline = test::ReadFile(folder + "/sales_pipeline.csv");
  const size_t at = pipeline.find(",Engaging,");
  if (at == std::string::npos) return "";
  const size_t start = pipeline.rfind('\n', at) + 1;
  return pipeline.substr(start, pipeline.find(',', start) - start);
}

//! GET `path` as JSON; null when there is no 200 answer.
json GetJson(httplib::Client& client, const std::string& path) {
  auto result = client.Get(path);
  if (!result || result->status != 200) return nullptr;
  return json::parse(result->body, nullptr, false);
}

TEST(ModelRefitTest, TheServerRefitsModelsOfOtherDataInTheBackgroundAndSwapsThemIn) {
  test::TempDir dir;
  const std::string db = "--db " + dir.File("crm.db");
  const std::string first = dir.File("first"), second = dir.File("second");
  ASSERT_EQ(test::RunCli("demo-data --out " + first + " --opportunities 1500 --seed 3").exit_code, 0);
  ASSERT_EQ(test::RunCli("demo-data --out " + second + " --opportunities 1200 --seed 4").exit_code, 0);
  ASSERT_EQ(test::RunCli(db + " import " + first).exit_code, 0);
  const test::CliRun trained = test::RunCli(db + " train --json");
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  const std::string first_hash = json::parse(trained.out)["data_hash"];
  ASSERT_EQ(test::RunCli(db + " import " + second).exit_code, 0);

  {
    test::ServerProcess server(db);
    ASSERT_NE(server.port(), 0) << server.banner();
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(30, 0);
    // Asked at once (most likely while the models are refitted): cached by the server from then on.
    ASSERT_NE(GetJson(client, "/api/v1/insights/pipeline_overview"), nullptr);
    json cards;
    bool all_trained = false;
    for (int poll = 0; poll < 600 && !all_trained; ++poll) {
      const json document = GetJson(client, "/api/v1/models");
      ASSERT_TRUE(document.is_object()) << "no model cards";
      cards = document["models"];
      all_trained = true;
      for (const json& card : cards) {
        const std::string status = card["status"];
        if (status == "refitting") {
          EXPECT_NE(card["note"].get<std::string>().find("in the background"), std::string::npos) << card;
          all_trained = false;
        } else if (status == "trained") {
          EXPECT_NE(card["data_hash"], first_hash) << "a model of the first data is in use";
        } else {
          // Too little history for a model is a refusal of this data, not a reason to refit again.
          ASSERT_EQ(status, "refused") << card;
        }
      }
      if (!all_trained) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    ASSERT_TRUE(all_trained) << "the models were not refitted within two minutes: " << cards.dump();
    std::set<std::string> hashes;
    for (const json& card : cards) {
      if (card["status"] != "trained") continue;
      EXPECT_EQ(card["version"], 2) << card["name"];
      hashes.insert(card["data_hash"].get<std::string>());
    }
    EXPECT_EQ(cards[0]["status"], "trained") << cards[0];  // opportunity_win
    EXPECT_EQ(hashes.size(), 1u) << "the refitted models were trained on different data";

    // Pages and answers use the new models, cached insights included.
    const json deal = GetJson(client, "/api/v1/opportunities/" + FirstEngagingDeal(second));
    ASSERT_TRUE(deal.is_object());
    EXPECT_EQ(deal["score"]["model_version"], "opportunity_win v2") << deal.dump();
    const json pipeline = GetJson(client, "/api/v1/insights/pipeline_overview");
    EXPECT_NE(pipeline["notes"].dump().find("opportunity_win v2"), std::string::npos) << pipeline["notes"];
  }
  // The refitted models were stored for the data in the store: the CLI uses them too.
  const test::CliRun score = test::RunCli(db + " score " + FirstEngagingDeal(second) + " --json");
  ASSERT_EQ(score.exit_code, 0) << score.err;
  EXPECT_EQ(json::parse(score.out)["model_version"], "opportunity_win v2");

  // Fresh models are not refitted: the next start answers with them at once.
  test::ServerProcess again(db);
  ASSERT_NE(again.port(), 0) << again.banner();
  httplib::Client client("127.0.0.1", again.port());
  const json document = GetJson(client, "/api/v1/models");
  ASSERT_TRUE(document.is_object());
  EXPECT_EQ(document["models"][0]["status"], "trained");
  EXPECT_EQ(document["models"][0]["version"], 2);
  for (const json& card : document["models"]) EXPECT_NE(card["status"], "refitting") << card;
}

}  // namespace
}  // namespace crm
