#include "crm/embed/cached_embedder.h"

#include <gtest/gtest.h>

#include <atomic>

#include "support/test_support.h"

namespace crm::embed {
namespace {

//! A 4-float embedder that counts the texts it computes; vector i of "abc" is length * (i + 1).
class CountingEmbedder : public search::Embedder {
 public:
  explicit CountingEmbedder(std::atomic<int>& computed) : computed_(computed) {}
  std::string name() const override { return "counting"; }
  size_t dimension() const override { return 4; }
  void Embed(std::string_view text, std::span<float> out) const override {
    ++computed_;
    for (size_t i = 0; i < 4; ++i) out[i] = static_cast<float>(text.size() * (i + 1));
  }

 private:
  std::atomic<int>& computed_;
};

TEST(EmbedCache, ASecondRunReadsTheStoreInsteadOfComputing) {
  test::TempDir dir;
  const std::vector<std::string_view> texts = {"alpha", "be", "alpha", "gamma ray"};
  std::atomic<int> computed{0};
  std::vector<float> first(texts.size() * 4), second(texts.size() * 4);
  {
    auto store = store::Store::Open(dir.File("crm.db"));
    ASSERT_TRUE(store.ok());
    CachedEmbedder cached(std::make_unique<CountingEmbedder>(computed), std::move(*store));
    cached.EmbedBatch(texts, first);
  }
  EXPECT_EQ(computed, 4);
  EXPECT_EQ(first[3 * 4 + 2], 27.0f);
  {  // a restart: a new store connection and embedder
    auto store = store::Store::Open(dir.File("crm.db"));
    ASSERT_TRUE(store.ok());
    CachedEmbedder cached(std::make_unique<CountingEmbedder>(computed), std::move(*store));
    cached.EmbedBatch(texts, second);
    EXPECT_EQ(computed, 4);  // nothing recomputed
    std::vector<float> one(4);
    cached.Embed("new text", one);
    EXPECT_EQ(computed, 5);
    EXPECT_EQ(one[0], 8.0f);
  }
  EXPECT_EQ(first, second);
}

}  // namespace
}  // namespace crm::embed
