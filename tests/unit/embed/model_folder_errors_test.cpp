#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "crm/embed/minilm_embedder.h"
#include "minilm_fixture.h"
#include "support/test_support.h"

namespace crm::embed {
namespace {

//! A copy of the fixture model folder that a test may break.
class EmbedModelFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy(test::MiniLmFixtureDir(), dir_.path() / "model",
                          std::filesystem::copy_options::recursive);
  }
  std::filesystem::path Path(const std::string& file) const { return dir_.path() / "model" / file; }
  //! Sets `key` of config.json to `value`.
  void EditConfig(const std::string& key, const nlohmann::json& value) {
    std::ifstream in(Path("config.json"));
    nlohmann::json config = nlohmann::json::parse(in);
    config[key] = value;
    test::WriteFile(Path("config.json").string(), config.dump());
  }
  //! The error message of loading the folder ("" when it loads).
  std::string LoadError() const {
    auto embedder = MiniLmEmbedder::Load((dir_.path() / "model").string());
    return embedder.ok() ? "" : embedder.error().message;
  }

  test::TempDir dir_;
};

TEST_F(EmbedModelFolder, LoadsIntact) { EXPECT_EQ(LoadError(), ""); }

TEST_F(EmbedModelFolder, NamesAMissingFile) {
  for (const char* file : {"config.json", "vocab.txt", "model.safetensors"}) {
    std::filesystem::copy_file(Path(file), dir_.File(file));
    std::filesystem::remove(Path(file));
    EXPECT_NE(LoadError().find(std::string("missing '") + Path(file).string() + "'"), std::string::npos)
        << LoadError();
    std::filesystem::copy_file(dir_.File(file), Path(file));
  }
}

TEST_F(EmbedModelFolder, NamesATensorOfTheWrongShape) {
  EditConfig("intermediate_size", 48);
  EXPECT_EQ(LoadError(),
            "tensor 'encoder.layer.0.intermediate.dense.weight' has shape [64, 32], expected [48, 32]");
}

TEST_F(EmbedModelFolder, RejectsAVocabularyOfAnotherSize) {
  EditConfig("vocab_size", 999);
  EXPECT_NE(LoadError().find("tokenizer mismatch"), std::string::npos) << LoadError();
  EXPECT_NE(LoadError().find("vocab_size 999"), std::string::npos) << LoadError();
}

TEST_F(EmbedModelFolder, RejectsAnUnsupportedActivationOrArchitecture) {
  EditConfig("hidden_act", "relu");
  EXPECT_NE(LoadError().find("unsupported activation 'relu'"), std::string::npos) << LoadError();
  EditConfig("hidden_act", "gelu");
  EditConfig("model_type", "roberta");
  EXPECT_NE(LoadError().find("unsupported architecture 'roberta'"), std::string::npos) << LoadError();
}

TEST_F(EmbedModelFolder, RejectsAnotherPooling) {
  test::WriteFile(Path("1_Pooling/config.json").string(), R"({"pooling_mode_cls_token": true})");
  EXPECT_NE(LoadError().find("unsupported pooling"), std::string::npos) << LoadError();
}

TEST_F(EmbedModelFolder, RejectsATruncatedWeightsFile) {
  const std::string bytes = test::ReadFile(Path("model.safetensors").string());
  test::WriteFile(Path("model.safetensors").string(), bytes.substr(0, bytes.size() / 2));
  EXPECT_NE(LoadError().find("is not safetensors"), std::string::npos) << LoadError();
}

}  // namespace
}  // namespace crm::embed
