#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

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

//! The JSON output of `embed` on the fixture's first case, with `extra` arguments; fails the test (empty
//! document) when the command fails.
nlohmann::json EmbedFirstCase(const std::string& extra, std::string* err = nullptr) {
  std::ifstream file(kFixture + "/expected.json");
  const nlohmann::json expected = nlohmann::json::parse(file)["cases"][0];
  const test::CliRun run = test::RunCli("embed '" + expected["text"].get<std::string>() +
                                        "' --embedding-model " + kFixture + "/model --json " + extra);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  if (err != nullptr) *err = run.err;
  return run.exit_code == 0 ? nlohmann::json::parse(run.out) : nlohmann::json::object();
}

TEST(EmbedCommand, ReducedPrecisionNamesItselfAndStaysCloseToTheReference) {
  std::ifstream file(kFixture + "/expected.json");
  const nlohmann::json expected = nlohmann::json::parse(file)["cases"][0]["vector"];
  std::string err;
  const nlohmann::json output = EmbedFirstCase("--embedding-precision bf16", &err);
  const std::string model = output.value("model", "");
  if (!err.empty()) {  // a CPU without AVX-512 BF16: f32, said on stderr
    EXPECT_NE(err.find("embedding in f32 instead of bf16"), std::string::npos) << err;
    GTEST_SKIP() << err;
  }
  EXPECT_TRUE(model.ends_with(":bf16")) << model;
  double dot = 0;
  for (size_t i = 0; i < 32; ++i) dot += output["vector"][i].get<double>() * expected[i].get<double>();
  EXPECT_GT(dot, 0.9998);  // both are unit vectors
}

TEST(EmbedCommand, FallsBackToF32WhenTheCpuLacksTheInstructions) {
  ::setenv("ONEDNN_MAX_CPU_ISA", "AVX2", 1);  // oneDNN then offers no VNNI kernel
  ::setenv("CRM_EMBEDDING_PRECISION", "int8", 1);
  std::string err;
  const nlohmann::json output = EmbedFirstCase("", &err);
  ::unsetenv("ONEDNN_MAX_CPU_ISA");
  ::unsetenv("CRM_EMBEDDING_PRECISION");
  EXPECT_NE(err.find("warning: embedding in f32 instead of int8"), std::string::npos) << err;
  EXPECT_EQ(output.value("model", "").find(":int8"), std::string::npos) << output.value("model", "");
}

TEST(EmbedCommand, RefusesAnUnknownPrecision) {
  const test::CliRun run =
      test::RunCli("embed 'x' --embedding-model " + kFixture + "/model --embedding-precision fp16");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.err, "error: unknown embedding precision 'fp16' (f32, bf16 or int8)\n");
}

}  // namespace
}  // namespace crm
