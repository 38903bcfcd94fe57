// The encoder's element-wise kernels against double-precision references, on rows with and without a
// tail shorter than a vector.
#include "crm/embed/vector_math.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace crm::embed {
namespace {

double ExactGelu(double x) { return 0.5 * x * (1.0 + std::erf(x / std::sqrt(2.0))); }

//! `count` floats drawn uniformly from [low, high).
std::vector<float> Uniform(size_t count, float low, float high) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> uniform(low, high);
  std::vector<float> values(count);
  for (float& value : values) value = uniform(rng);
  return values;
}

TEST(EmbedVectorMath, GeluIsTheErfFormWellBelowAMillionth) {
  std::vector<float> grid;
  for (float x = -20.0f; x <= 20.0f; x += 1e-4f) grid.push_back(x);
  std::vector<float> rows = grid;
  AddBiasGelu(rows.data(), 1, std::vector<float>(grid.size(), 0.0f));
  for (size_t i = 0; i < grid.size(); ++i) {
    const double exact = ExactGelu(grid[i]);
    ASSERT_NEAR(rows[i], exact, 2e-7 * std::max(1.0, std::abs(exact))) << grid[i];
  }
}

TEST(EmbedVectorMath, SoftmaxKeepsTinyProbabilitiesRelativelyExact) {
  for (float gap = 0.0f; gap <= 87.0f;
       gap += 0.01f) {  // a row [0, -gap]: the second is e^-gap / (1 + e^-gap)
    float row[2] = {0.0f, -gap};
    SoftmaxRows(row, 1, 2);
    const double small = std::exp(-static_cast<double>(gap)) / (1.0 + std::exp(-static_cast<double>(gap)));
    ASSERT_NEAR(row[1] / small, 1.0, 3e-7) << gap;
  }
}

TEST(EmbedVectorMath, AddBiasGeluIsTheErfFormInLanesAndTail) {
  for (size_t width : {1u, 16u, 37u}) {
    const std::vector<float> bias = Uniform(width, -1.0f, 1.0f);
    std::vector<float> rows = Uniform(3 * width, -6.0f, 6.0f);
    const std::vector<float> before = rows;
    AddBiasGelu(rows.data(), 3, bias);
    for (size_t i = 0; i < rows.size(); ++i) {
      const double expected = ExactGelu(static_cast<double>(before[i]) + bias[i % width]);
      ASSERT_NEAR(rows[i], expected, 1e-6 * std::max(1.0, std::abs(expected))) << width << " " << i;
    }
    const std::vector<float> gelu = rows;
    AddBias(rows.data(), 3, bias);
    for (size_t i = 0; i < rows.size(); ++i)
      ASSERT_EQ(rows[i], gelu[i] + bias[i % width]) << width << " " << i;
  }
}

TEST(EmbedVectorMath, SoftmaxRowsSumToOneAndMatchTheReference) {
  for (size_t width : {3u, 32u, 45u}) {
    std::vector<float> rows = Uniform(2 * width, -30.0f, 30.0f);
    const std::vector<float> before = rows;
    SoftmaxRows(rows.data(), 2, width);
    for (size_t r = 0; r < 2; ++r) {
      const auto first = before.begin() + r * width;
      const double top = *std::max_element(first, first + width);
      double sum = 0;
      for (size_t c = 0; c < width; ++c) sum += std::exp(first[c] - top);
      for (size_t c = 0; c < width; ++c) {
        ASSERT_NEAR(rows[r * width + c], std::exp(first[c] - top) / sum, 1e-6) << width << " " << c;
      }
    }
  }
}

TEST(EmbedVectorMath, LayerNormRowsMatchTheReference) {
  for (size_t width : {5u, 37u, 384u}) {
    const std::vector<float> gain = Uniform(width, 0.5f, 1.5f), bias = Uniform(width, -1.0f, 1.0f);
    std::vector<float> rows = Uniform(2 * width, -4.0f, 9.0f);
    const std::vector<float> before = rows;
    LayerNormRows(rows.data(), 2, gain, bias, 1e-12f);
    for (size_t r = 0; r < 2; ++r) {
      double mean = 0, variance = 0;
      for (size_t c = 0; c < width; ++c) mean += before[r * width + c];
      mean /= width;
      for (size_t c = 0; c < width; ++c) variance += std::pow(before[r * width + c] - mean, 2);
      variance /= width;
      for (size_t c = 0; c < width; ++c) {
        const double exact = (before[r * width + c] - mean) / std::sqrt(variance + 1e-12) * gain[c] + bias[c];
        ASSERT_NEAR(rows[r * width + c], exact, 2e-6) << width << " " << c;
      }
    }
  }
}

TEST(EmbedVectorMath, Bf16ConversionRoundsToNearestTiesToEven) {
  // 1 + 2^-8 lies halfway between the bfloat16s 1 and 1 + 2^-7: the even one (1) wins; 1 + 3·2^-8 lies
  // between 1 + 2^-7 and 1 + 2^-6 and goes up to the even 1 + 2^-6; the 17th value is in the scalar tail.
  std::vector<float> values(17, 1.0f + 3.0f / 256.0f);
  values[0] = 1.0f + 1.0f / 256.0f;
  values[16] = -2.5f;
  std::vector<uint16_t> bits(values.size());
  ConvertToBf16(values.data(), values.size(), bits.data());
  EXPECT_EQ(bits[0], 0x3f80);  // 1
  EXPECT_EQ(bits[1], 0x3f82);  // 1 + 2^-6
  EXPECT_EQ(bits[15], 0x3f82);
  EXPECT_EQ(bits[16], 0xc020);  // -2.5 exactly
}

TEST(EmbedVectorMath, Int8QuantizationScalesTheLargestMagnitudeTo127) {
  for (size_t width : {5u, 37u, 384u}) {
    std::vector<float> row = Uniform(width, -3.0f, 2.0f);
    row[width / 2] = -4.0f;  // the largest magnitude
    std::vector<int8_t> quantized(width);
    const float scale = QuantizeToInt8(row.data(), width, quantized.data());
    EXPECT_FLOAT_EQ(scale, 4.0f / 127.0f);
    EXPECT_EQ(quantized[width / 2], -127);
    for (size_t c = 0; c < width; ++c) ASSERT_NEAR(quantized[c] * scale, row[c], scale / 2 * 1.0001) << c;
  }
  std::vector<int8_t> zeros(3, 1);
  EXPECT_EQ(QuantizeToInt8(std::vector<float>(3, 0.0f).data(), 3, zeros.data()), 0.0f);
  EXPECT_EQ(zeros, std::vector<int8_t>(3, 0));
}

TEST(EmbedVectorMath, SumsOfProductsAreScaledBiasedAndAccumulated) {
  const size_t width = 37;
  const std::vector<float> bias = Uniform(width, -1.0f, 1.0f), columns = Uniform(width, 0.5f, 2.0f);
  const std::vector<float> rows_scales = {0.25f, 3.0f};
  std::vector<int32_t> sums(2 * width);
  for (size_t i = 0; i < sums.size(); ++i) sums[i] = static_cast<int32_t>(i * 37 % 101) - 50;
  const std::vector<float> before = Uniform(2 * width, -5.0f, 5.0f);
  std::vector<float> replaced = before, added = before, float_added = before;
  AddInt8Sums(sums.data(), 2, rows_scales, columns, bias, replaced.data(), false);
  AddInt8Sums(sums.data(), 2, rows_scales, columns, bias, added.data(), true);
  const std::vector<float> float_sums(sums.begin(), sums.end());
  AddFloatSums(float_sums.data(), 2, bias, float_added.data(), true);
  for (size_t r = 0; r < 2; ++r) {
    for (size_t c = 0; c < width; ++c) {
      const size_t i = r * width + c;
      const double value = double{rows_scales[r]} * columns[c] * sums[i] + bias[c];
      ASSERT_NEAR(replaced[i], value, 1e-5 * std::max(1.0, std::abs(value))) << i;
      ASSERT_NEAR(added[i], before[i] + value, 1e-5 * std::max(1.0, std::abs(value))) << i;
      ASSERT_NEAR(float_added[i], before[i] + sums[i] + bias[c], 1e-4) << i;
    }
  }
}

}  // namespace
}  // namespace crm::embed
