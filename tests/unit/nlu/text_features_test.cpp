#include "crm/nlu/text_features.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace crm::nlu {
namespace {

// Cosine similarity of two unit-length sparse vectors.
double Cosine(const SparseFeatures& a, const SparseFeatures& b) {
  double dot = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i].index == b[j].index) {
      dot += a[i++].weight * b[j++].weight;
    } else if (a[i].index < b[j].index) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

// Number of slots present in both vectors.
size_t SharedSlots(const SparseFeatures& a, const SparseFeatures& b) {
  size_t shared = 0;
  for (const Feature& feature : a) {
    shared +=
        std::any_of(b.begin(), b.end(), [&](const Feature& other) { return other.index == feature.index; });
  }
  return shared;
}

TEST(NluTextFeatures, FoldsCaseAndAccentsAndSplitsPunctuation) {
  EXPECT_EQ(NormalizeWords("Show me the PIPELINE, please!"),
            (std::vector<std::string>{"show", "me", "the", "pipeline", "please"}));
  EXPECT_EQ(NormalizeWords("Résumé of Ünïcode"), (std::vector<std::string>{"resume", "of", "unicode"}));
  EXPECT_EQ(NormalizeWords("what's the follow-up?"),
            (std::vector<std::string>{"whats", "the", "follow", "up"}));
  EXPECT_EQ(NormalizeWords("what’s up"), (std::vector<std::string>{"whats", "up"}));
}

TEST(NluTextFeatures, MapsDigitRunsToOneClass) {
  EXPECT_EQ(NormalizeWords("top 5 deals"), NormalizeWords("top 12 deals"));
  EXPECT_EQ(NormalizeWords("more than 1,000 employees"),
            (std::vector<std::string>{"more", "than", "0", "0", "employees"}));
  EXPECT_EQ(ExtractFeatures("top 5 deals"), ExtractFeatures("Top 7 deals"));
}

TEST(NluTextFeatures, KeepsMaskTokensWhole) {
  EXPECT_EQ(NormalizeWords("how is ent_account doing"),
            (std::vector<std::string>{"how", "is", "ent_account", "doing"}));
  EXPECT_EQ(NormalizeWords("ent_manager's team"), (std::vector<std::string>{"ent_manager", "team"}));
  EXPECT_EQ(NormalizeWords("ENT_SALES_AGENT"), (std::vector<std::string>{"ent_sales_agent"}));
}

TEST(NluTextFeatures, ToleratesIllFormedUtf8) {
  EXPECT_EQ(NormalizeWords(std::string("win\xff rate")), (std::vector<std::string>{"win", "rate"}));
}

TEST(NluTextFeatures, VectorsAreSortedUniqueAndUnitLength) {
  for (const char* text : {"pipeline by stage", "ent_account", "a", "forecast forecast forecast"}) {
    const SparseFeatures features = ExtractFeatures(text);
    ASSERT_FALSE(features.empty()) << text;
    double norm = 0;
    for (size_t i = 0; i < features.size(); ++i) {
      EXPECT_LT(features[i].index, kFeatureSpace);
      if (i > 0) {
        EXPECT_LT(features[i - 1].index, features[i].index);
      }
      norm += features[i].weight * features[i].weight;
    }
    EXPECT_NEAR(norm, 1.0, 1e-3) << text;
  }
}

TEST(NluTextFeatures, TextWithoutWordsStillHasAFeature) {
  EXPECT_EQ(ExtractFeatures("???").size(), 1u);
  EXPECT_EQ(ExtractFeatures("???"), ExtractFeatures(""));
  EXPECT_NE(ExtractFeatures("???"), ExtractFeatures("help"));
}

TEST(NluTextFeatures, TyposShareCharacterNgrams) {
  // The word block differs entirely, so what they share is character n-grams ("<fo", "cast", "st>", …).
  EXPECT_GE(SharedSlots(ExtractFeatures("forcast"), ExtractFeatures("forecast")), 8u);
  EXPECT_LE(SharedSlots(ExtractFeatures("leaderboard"), ExtractFeatures("forecast")), 1u);
  EXPECT_GT(Cosine(ExtractFeatures("forcast"), ExtractFeatures("forecast")),
            Cosine(ExtractFeatures("leaderboard"), ExtractFeatures("forecast")) + 0.1);
  EXPECT_GT(Cosine(ExtractFeatures("pipline by stage"), ExtractFeatures("pipeline by stage")), 0.5);
}

}  // namespace
}  // namespace crm::nlu
