// The encoder's bf16 and int8 modes: their products against double-precision ones, their sentence vectors
// against the float reference of the fixture, and their own names in the store's cache.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "crm/embed/cached_embedder.h"
#include "crm/embed/minilm_embedder.h"
#include "crm/embed/reduced_matmul.h"
#include "minilm_fixture.h"
#include "support/test_support.h"

namespace crm::embed {
namespace {

//! Skips the test when oneDNN has no fast kernel for `precision` on this CPU.
#define SKIP_WITHOUT(precision)                               \
  do {                                                        \
    const Status usable = CheckReducedPrecision(precision);   \
    if (!usable.ok()) GTEST_SKIP() << usable.error().message; \
  } while (false)

//! `count` normally distributed floats.
std::vector<float> Normal(std::mt19937& rng, size_t count) {
  std::normal_distribution<float> normal(0.0f, 1.0f);
  std::vector<float> values(count);
  for (float& value : values) value = normal(rng);
  return values;
}

//! Cosine similarity of two vectors.
double Cosine(const std::vector<float>& a, const std::vector<float>& b) {
  double dot = 0, aa = 0, bb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    aa += static_cast<double>(a[i]) * a[i];
    bb += static_cast<double>(b[i]) * b[i];
  }
  return dot / std::sqrt(aa * bb);
}

//! The largest error of ReducedMatmul::Dense (with bias and residual) against the double product, relative
//! to the largest magnitude of the product, on `rows` rows (not a multiple of the kernel's blocks).
double RelativeProductError(Precision precision, size_t rows, size_t k, size_t n) {
  std::mt19937 rng(3);
  const std::vector<float> in = Normal(rng, rows * k), weight = Normal(rng, n * k), bias = Normal(rng, n);
  const std::vector<float> residual = Normal(rng, rows * n);
  const ReducedMatrix matrix(weight, n, k, precision);
  std::vector<float> out = residual;
  ReducedMatmul products;
  products.Dense(in.data(), rows, matrix, bias, out.data(), true);
  double worst = 0, largest = 0;
  for (size_t r = 0; r < rows; ++r) {
    for (size_t c = 0; c < n; ++c) {
      double exact = residual[r * n + c] + bias[c];
      for (size_t i = 0; i < k; ++i) exact += static_cast<double>(in[r * k + i]) * weight[c * k + i];
      worst = std::max(worst, std::abs(out[r * n + c] - exact));
      largest = std::max(largest, std::abs(exact));
    }
  }
  return worst / largest;
}

//! How far `precision`'s vectors are from the reference over the fixture's cases (texts with a vector).
struct Agreement {
  double worst_cosine = 1;   //!< smallest cosine similarity
  double largest_error = 0;  //!< largest difference of a component
};

//! The agreement of the fixture's vectors in `precision` (its name ends in ":" + the precision) with the
//! reference ones.
Agreement AgreementWithReference(Precision precision) {
  auto embedder = MiniLmEmbedder::Load(test::MiniLmFixtureDir().string(), precision);
  EXPECT_TRUE(embedder.ok());
  if (!embedder.ok()) return {0, 1};
  const std::string suffix = ":" + std::string(PrecisionName(precision));
  EXPECT_TRUE((*embedder)->name().ends_with(suffix)) << (*embedder)->name();
  Agreement agreement;
  std::vector<float> vector((*embedder)->dimension());
  for (const test::MiniLmCase& c : test::MiniLmReferenceCases()) {
    (*embedder)->Embed(c.text, vector);
    if (std::all_of(c.vector.begin(), c.vector.end(), [](float x) { return x == 0.0f; })) continue;
    agreement.worst_cosine = std::min(agreement.worst_cosine, Cosine(vector, c.vector));
    for (size_t i = 0; i < vector.size(); ++i) {
      agreement.largest_error = std::max(agreement.largest_error, std::abs(double{vector[i]} - c.vector[i]));
    }
  }
  return agreement;
}

// Measured: 0.0026 (bf16) and 0.011 (int8) of the largest magnitude.
TEST(EmbedReducedPrecision, Bf16ProductsAreWithinBf16Rounding) {
  SKIP_WITHOUT(Precision::kBf16);
  EXPECT_LT(RelativeProductError(Precision::kBf16, 37, 96, 80), 0.006);
}

TEST(EmbedReducedPrecision, Int8ProductsAreWithinInt8Rounding) {
  SKIP_WITHOUT(Precision::kInt8);
  EXPECT_LT(RelativeProductError(Precision::kInt8, 37, 96, 80), 0.025);
}

// Measured on the fixture: worst cosine 0.99997 (bf16) and 0.99975 (int8); both differ from the float
// vectors by more than the 1e-5 of the f32 path, so the reduced products really ran.
TEST(EmbedReducedPrecision, Bf16VectorsPointAlongTheFloatReference) {
  SKIP_WITHOUT(Precision::kBf16);
  const Agreement agreement = AgreementWithReference(Precision::kBf16);
  EXPECT_GE(agreement.worst_cosine, 0.9998);
  EXPECT_GT(agreement.largest_error, 1e-5);
}

TEST(EmbedReducedPrecision, Int8VectorsPointAlongTheFloatReference) {
  SKIP_WITHOUT(Precision::kInt8);
  const Agreement agreement = AgreementWithReference(Precision::kInt8);
  EXPECT_GE(agreement.worst_cosine, 0.998);
  EXPECT_GT(agreement.largest_error, 1e-5);
}

TEST(EmbedReducedPrecision, BatchesOnSeveralThreadsGiveTheVectorsOfOneByOne) {
  SKIP_WITHOUT(Precision::kInt8);
  auto embedder = MiniLmEmbedder::Load(test::MiniLmFixtureDir().string(), Precision::kInt8);
  ASSERT_TRUE(embedder.ok());
  const auto cases = test::MiniLmReferenceCases();
  std::vector<std::string_view> texts;
  for (int copy = 0; copy < 40; ++copy) {  // several batches of rows, on every core, sharing primitives
    for (const test::MiniLmCase& c : cases) texts.push_back(c.text);
  }
  const size_t dimension = (*embedder)->dimension();
  std::vector<float> batch(texts.size() * dimension), single(dimension);
  (*embedder)->EmbedBatch(texts, batch);
  for (size_t t = 0; t < cases.size(); ++t) {
    (*embedder)->Embed(cases[t].text, single);
    for (size_t copy = 0; copy < 40; ++copy) {
      const size_t at = (copy * cases.size() + t) * dimension;
      for (size_t i = 0; i < dimension; ++i) ASSERT_NEAR(batch[at + i], single[i], 1e-5) << t << " " << i;
    }
  }
}

TEST(EmbedReducedPrecision, TheStoreCacheKeepsEachPrecisionsVectorsApart) {
  SKIP_WITHOUT(Precision::kBf16);
  test::TempDir dir;
  const std::string text = test::MiniLmReferenceCases().front().text;
  std::vector<float> exact(32), reduced(32);
  for (Precision precision : {Precision::kF32, Precision::kBf16}) {
    auto store = store::Store::Open(dir.File("crm.db"));
    auto embedder = MiniLmEmbedder::Load(test::MiniLmFixtureDir().string(), precision);
    ASSERT_TRUE(store.ok() && embedder.ok());
    const CachedEmbedder cached(std::move(*embedder), std::move(*store));
    cached.Embed(text, precision == Precision::kF32 ? exact : reduced);
  }
  EXPECT_NE(exact, std::vector<float>(32, 0.0f));
  EXPECT_NE(exact, reduced);  // the bf16 run computed its own vector instead of reading the f32 one
}

TEST(EmbedReducedPrecision, PrecisionsAreNamedAndUnknownNamesRefused) {
  EXPECT_EQ(*ParsePrecision("bf16"), Precision::kBf16);
  EXPECT_EQ(*ParsePrecision("int8"), Precision::kInt8);
  EXPECT_EQ(*ParsePrecision("f32"), Precision::kF32);
  const Result<Precision> unknown = ParsePrecision("fp16");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "unknown embedding precision 'fp16' (f32, bf16 or int8)");
}

}  // namespace
}  // namespace crm::embed
