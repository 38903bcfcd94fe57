#include "crm/models/model_card.h"

#include <gtest/gtest.h>

namespace crm::models {
namespace {

TEST(ModelCardTest, WithoutModelsEveryCardSaysWhy) {
  const nlohmann::json cards = ModelCardsJson(ModelSet());
  ASSERT_EQ(cards["models"].size(), kAllModels.size());
  for (const nlohmann::json& card : cards["models"]) {
    EXPECT_EQ(card["status"], "missing");
    EXPECT_FALSE(card["note"].get<std::string>().empty());
    EXPECT_FALSE(card.contains("metrics"));
  }
  EXPECT_FALSE(cards["limits"].empty());
  EXPECT_FALSE(cards["notes"].empty());
}

}  // namespace
}  // namespace crm::models
