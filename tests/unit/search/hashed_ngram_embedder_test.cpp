#include "crm/search/hashed_ngram_embedder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace crm::search {
namespace {

std::vector<float> Embed(const Embedder& embedder, std::string_view text) {
  std::vector<float> vector(embedder.dimension());
  embedder.Embed(text, vector);
  return vector;
}

double Dot(const std::vector<float>& a, const std::vector<float>& b) {
  double sum = 0.0;
  for (size_t i = 0; i < a.size(); ++i) sum += static_cast<double>(a[i]) * b[i];
  return sum;
}

TEST(SearchEmbedderTest, IsDeterministic) {
  const HashedNgramEmbedder first, second;
  EXPECT_EQ(Embed(first, "Kan-code software"), Embed(second, "Kan-code software"));
  EXPECT_EQ(Embed(first, "Kan-code software"), Embed(first, "KAN-CODE  Software!"));  // folded alike
  EXPECT_NE(Embed(first, "Kan-code software"), Embed(first, "Konex retail"));
}

TEST(SearchEmbedderTest, VectorsAreNormalised) {
  const HashedNgramEmbedder embedder(128);
  EXPECT_EQ(embedder.dimension(), 128u);
  for (const char* text : {"a", "GTX Pro deal with Kan-code", "Zürich office, 2,822 employees"}) {
    const std::vector<float> vector = Embed(embedder, text);
    EXPECT_NEAR(Dot(vector, vector), 1.0, 1e-5) << text;
  }
  const std::vector<float> empty = Embed(embedder, " -- ");
  EXPECT_EQ(Dot(empty, empty), 0.0);
}

TEST(SearchEmbedderTest, TyposStayClose) {
  const HashedNgramEmbedder embedder;
  const std::vector<float> konex = Embed(embedder, "konex");
  const double typo = Dot(konex, Embed(embedder, "konnex"));
  EXPECT_GT(typo, 0.4);
  EXPECT_GT(typo, Dot(konex, Embed(embedder, "zumma")) + 0.3);
  EXPECT_GT(typo, Dot(konex, Embed(embedder, "cheapmart")) + 0.3);
}

TEST(SearchEmbedderTest, FittedWeightsRoundTrip) {
  HashedNgramEmbedder fitted;
  const std::vector<std::string_view> documents = {"software company", "software deal", "retail company",
                                                   "medical software"};
  const std::vector<float> unfitted = Embed(fitted, "software zumma");
  fitted.Fit(documents);
  const std::vector<float> weighted = Embed(fitted, "software zumma");
  EXPECT_NE(weighted, unfitted);  // the common word weighs less than the rare one
  HashedNgramEmbedder restored;
  ASSERT_TRUE(restored.LoadState(fitted.SaveState()).ok());
  EXPECT_EQ(Embed(restored, "software zumma"), weighted);
  EXPECT_FALSE(restored.LoadState("short").ok());
}

}  // namespace
}  // namespace crm::search
