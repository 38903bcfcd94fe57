#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

namespace crm {
namespace {

const std::string kFixture = std::string(CRM_SOURCE_DIR) + "/tests/fixtures/minilm";

TEST(EmbedCommand, PrintsTheFixtureModelsIdsAndVector) {
  std::ifstream file(kFixture + "/expected.json");
  const nlohmann::json expected = nlohmann::json::parse(file)["cases"][0];
  const test::CliRun run = test::RunCli("embed '" + expected["text"].get<std::string>() +
                                        "' --embedding-model " + kFixture + "/model --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json output = nlohmann::json::parse(run.out);
  EXPECT_EQ(output["model"].get<std::string>().rfind("minilm:model:", 0), 0u);
  EXPECT_EQ(output["dim"], 32);
  EXPECT_EQ(output["token_ids"], expected["token_ids"]);
  ASSERT_EQ(output["vector"].size(), 32u);
  for (size_t i = 0; i < 32; ++i)
    EXPECT_NEAR(output["vector"][i].get<double>(), expected["vector"][i].get<double>(), 1e-5);
}

TEST(EmbedCommand, SaysTheDefaultEmbedderIsUnfittedWithoutData) {
  test::TempDir dir;
  const test::CliRun run = test::RunCli("--db " + dir.File("absent.db") + " embed 'konnex deals' --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const nlohmann::json output = nlohmann::json::parse(run.out);
  EXPECT_EQ(output["model"], "hashed-ngrams-v1");
  EXPECT_FALSE(output.contains("token_ids"));
  EXPECT_NE(output["fitted_on"].get<std::string>().find("unfitted"), std::string::npos);
}

TEST(EmbedCommand, NamesABrokenModelFolder) {
  test::TempDir dir;
  const test::CliRun run = test::RunCli("embed 'x' --embedding-model " + dir.path().string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("config.json"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace crm
