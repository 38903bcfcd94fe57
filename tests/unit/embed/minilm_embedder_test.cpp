#include "crm/embed/minilm_embedder.h"

#include <gtest/gtest.h>

#include <cmath>

#include "crm/embed/cached_embedder.h"
#include "crm/search/hashed_ngram_embedder.h"
#include "minilm_fixture.h"
#include "support/test_support.h"

namespace crm::embed {
namespace {

std::unique_ptr<MiniLmEmbedder> LoadFixture() {
  auto embedder = MiniLmEmbedder::Load(test::MiniLmFixtureDir().string());
  EXPECT_TRUE(embedder.ok()) << (embedder.ok() ? "" : embedder.error().message);
  return embedder.ok() ? std::move(*embedder) : nullptr;
}

TEST(EmbedTokenizer, MatchesTheReferenceIdsExactly) {
  const auto embedder = LoadFixture();
  ASSERT_TRUE(embedder);
  const auto cases = test::MiniLmReferenceCases();
  ASSERT_GE(cases.size(), 10u);
  for (const test::MiniLmCase& c : cases) EXPECT_EQ(embedder->TokenIds(c.text), c.token_ids) << c.text;
}

TEST(EmbedTokenizer, TokenIdsReachCallersThroughTheEmbedderInterfaceAndTheCache) {
  test::TempDir dir;
  auto store = store::Store::Open(dir.File("crm.db"));
  ASSERT_TRUE(store.ok());
  auto embedder = LoadFixture();
  ASSERT_TRUE(embedder);
  const CachedEmbedder cached(std::move(embedder), std::move(*store));
  const search::Embedder& any = cached;
  const test::MiniLmCase c = test::MiniLmReferenceCases().front();
  EXPECT_EQ(any.TokenIds(c.text), c.token_ids);
  EXPECT_TRUE(search::HashedNgramEmbedder().TokenIds(c.text).empty());
}

TEST(EmbedEncoder, MatchesTheReferenceVectorsOneByOne) {
  const auto embedder = LoadFixture();
  ASSERT_TRUE(embedder);
  ASSERT_EQ(embedder->dimension(), 32u);
  std::vector<float> vector(embedder->dimension());
  for (const test::MiniLmCase& c : test::MiniLmReferenceCases()) {
    embedder->Embed(c.text, vector);
    for (size_t i = 0; i < vector.size(); ++i)
      EXPECT_NEAR(vector[i], c.vector[i], 1e-5) << c.text << " " << i;
  }
}

TEST(EmbedEncoder, MatchesTheReferenceVectorsInOneBatch) {
  const auto embedder = LoadFixture();
  ASSERT_TRUE(embedder);
  const auto cases = test::MiniLmReferenceCases();
  std::vector<std::string_view> texts;
  for (int copy = 0; copy < 40; ++copy) {  // enough rows for several batches on several threads
    for (const test::MiniLmCase& c : cases) texts.push_back(c.text);
  }
  const size_t dimension = embedder->dimension();
  std::vector<float> vectors(texts.size() * dimension);
  embedder->EmbedBatch(texts, vectors);
  for (size_t t = 0; t < texts.size(); ++t) {
    const test::MiniLmCase& c = cases[t % cases.size()];
    for (size_t i = 0; i < dimension; ++i) {
      ASSERT_NEAR(vectors[t * dimension + i], c.vector[i], 1e-5) << c.text << " " << i;
    }
  }
}

TEST(EmbedEncoder, NameIdentifiesTheModelFolder) {
  const auto embedder = LoadFixture();
  ASSERT_TRUE(embedder);
  EXPECT_EQ(embedder->name().rfind("minilm:model:", 0), 0u) << embedder->name();
  EXPECT_EQ(embedder->name().size(), std::string("minilm:model:").size() + 12);
}

}  // namespace
}  // namespace crm::embed
