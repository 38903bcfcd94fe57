// The element-wise kernels of the encoder on GCC/Clang vector types of sixteen floats: one template serves
// a vector and the scalar tail of a row. On x86-64 each kernel is also compiled for AVX2 and AVX-512 and
// picked at load time (target_clones), so the program still runs on the SSE2 baseline.
#include "crm/embed/vector_math.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#define CRM_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CRM_VECTOR_CLONES
#endif
#define CRM_INLINE [[gnu::always_inline]] inline

// Vectors wider than the baseline's registers are passed in memory between non-inlined functions; every
// helper here is inlined, so the ABI note does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace crm::embed {

namespace {

using Vec = float __attribute__((vector_size(64)));
using IntVec = int32_t __attribute__((vector_size(64)));
using BitsVec = uint32_t __attribute__((vector_size(64)));
using Bf16Vec = uint16_t __attribute__((vector_size(32)));
using Int8Vec = int8_t __attribute__((vector_size(16)));
constexpr size_t kLanes = sizeof(Vec) / sizeof(float);

//! Numerical Recipes' erfc(z) = t·exp(-z² + P(t)) with t = 1 / (1 + z / 2): P's coefficients, highest first
//! (relative error below 1.2e-7 for every z >= 0).
constexpr float kErfcCoefficients[] = {0.17087277f,  -0.82215223f, 1.48851587f, -1.13520398f, 0.27886807f,
                                       -0.18628806f, 0.09678418f,  0.37409196f, 1.00002368f,  -1.26551223f};
//! Cephes' polynomial for e^r on [-ln(2) / 2, ln(2) / 2], highest first, without its last two terms (r, 1).
constexpr float kExpCoefficients[] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f,
                                      4.1665795894e-2f, 1.6666665459e-1f, 5.0000001201e-1f};

//! The vector at `from` (any alignment).
CRM_INLINE Vec Load(const float* from) {
  Vec lanes;
  std::memcpy(&lanes, from, sizeof lanes);
  return lanes;
}

//! The integer vector at `from` (any alignment).
CRM_INLINE IntVec Load(const int32_t* from) {
  IntVec lanes;
  std::memcpy(&lanes, from, sizeof lanes);
  return lanes;
}

//! Writes `lanes` at `to` (any alignment).
CRM_INLINE void Store(float* to, Vec lanes) { std::memcpy(to, &lanes, sizeof lanes); }

//! The sum of the lanes.
CRM_INLINE float Sum(Vec lanes) {
  float sum = 0;
#pragma GCC unroll 16
  for (size_t i = 0; i < kLanes; ++i) sum += lanes[i];
  return sum;
}

//! `value` in every lane of T (float or Vec).
template <typename T>
CRM_INLINE T Splat(float value) {
  return T{} + value;
}

// Conversions toward zero, back to float, and from bits, for a lane vector and for a single float.
CRM_INLINE int32_t Truncate(float x) { return static_cast<int32_t>(x); }
CRM_INLINE IntVec Truncate(Vec x) { return __builtin_convertvector(x, IntVec); }
CRM_INLINE float ToFloat(int32_t x) { return static_cast<float>(x); }
CRM_INLINE Vec ToFloat(IntVec x) { return __builtin_convertvector(x, Vec); }
CRM_INLINE float FromBits(int32_t bits) {
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}
CRM_INLINE Vec FromBits(IntVec bits) { return reinterpret_cast<Vec>(bits); }

//! The bits of x rounded to the nearest bfloat16 (ties to even), in the low half of a lane.
CRM_INLINE uint32_t Bf16Bits(float x) {
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return (bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16;
}
CRM_INLINE BitsVec Bf16Bits(Vec x) {
  const auto bits = reinterpret_cast<BitsVec>(x);
  return (bits + 0x7fffu + ((bits >> 16) & 1u)) >> 16;
}

//! x rounded to the nearest integer, halves away from zero.
template <typename T>
CRM_INLINE auto Round(T x) {
  return Truncate(x + (x < 0.0f ? Splat<T>(-0.5f) : Splat<T>(0.5f)));
}

//! The larger of a and b.
template <typename T>
CRM_INLINE T Max(T a, T b) {
  return a > b ? a : b;
}

//! c[0] x^(N-1) + c[1] x^(N-2) + … + c[N-1] by Horner's rule, unrolled: `y` is the value so far, from c[I].
template <size_t I = 1, typename T, size_t N>
CRM_INLINE T Horner(T y, T x, const float (&c)[N]) {
  if constexpr (I == N) {
    return y;
  } else {
    return Horner<I + 1>(y * x + c[I], x, c);
  }
}

//! Cephes' expf: e^x = 2^n · e^r with |r| <= ln(2) / 2, e^r by a polynomial.
template <typename T>
CRM_INLINE T Exp(T x) {
  x = x < -87.0f ? Splat<T>(-87.0f) : x;
  x = x > 88.0f ? Splat<T>(88.0f) : x;
  const T shifted = x * 1.44269504088896341f + 0.5f;
  T n = ToFloat(Truncate(shifted));
  n = n > shifted ? n - 1.0f : n;  // floor
  const T r = x - n * 0.693359375f + n * 2.12194440e-4f;
  const T y = Horner(Splat<T>(kExpCoefficients[0]), r, kExpCoefficients) * r * r + r + 1.0f;
  return y * FromBits((Truncate(n) + 127) << 23);
}

//! x Φ(x) = x (1 - erfc(x / √2) / 2) for x >= 0 and x erfc(-x / √2) / 2 below, so that both tails keep
//! their relative precision.
template <typename T>
CRM_INLINE T Gelu(T x) {
  const T z = (x < 0.0f ? -x : x) * 0.70710678118654752f;
  const T t = 1.0f / (1.0f + 0.5f * z);
  const T p = Horner(Splat<T>(kErfcCoefficients[0]), t, kErfcCoefficients);
  const T half_erfc = 0.5f * t * Exp(p - z * z);
  return x < 0.0f ? x * half_erfc : x - x * half_erfc;
}

//! row[c] = row[c] + bias[c], then its GELU when `kGelu`, for every row of rows[count, bias.size()] (a
//! template rather than a callback, so that the clone's instructions reach the inner loop).
template <bool kGelu>
CRM_INLINE void AddBiasMaybeGelu(float* rows, size_t count, std::span<const float> bias) {
  const size_t width = bias.size(), whole = width - width % kLanes;
  for (size_t r = 0; r < count; ++r) {
    float* row = rows + r * width;
    size_t c = 0;
    for (; c < whole; c += kLanes) {
      const Vec sum = Load(row + c) + Load(bias.data() + c);
      Store(row + c, kGelu ? Gelu(sum) : sum);
    }
    for (; c < width; ++c) row[c] = kGelu ? Gelu(row[c] + bias[c]) : row[c] + bias[c];
  }
}

}  // namespace

CRM_VECTOR_CLONES void AddBias(float* rows, size_t count, std::span<const float> bias) {
  AddBiasMaybeGelu<false>(rows, count, bias);
}

CRM_VECTOR_CLONES void AddBiasGelu(float* rows, size_t count, std::span<const float> bias) {
  AddBiasMaybeGelu<true>(rows, count, bias);
}

CRM_VECTOR_CLONES void SoftmaxRows(float* rows, size_t count, size_t width) {
  const size_t whole = width - width % kLanes;
  for (size_t r = 0; r < count; ++r) {
    float* row = rows + r * width;
    const float top = *std::max_element(row, row + width);
    Vec sums{};
    float sum = 0;
    size_t c = 0;
    for (; c < whole; c += kLanes) {
      const Vec e = Exp(Load(row + c) - top);
      Store(row + c, e);
      sums += e;
    }
    for (; c < width; ++c) sum += row[c] = Exp(row[c] - top);
    const float inverse = 1.0f / (sum + Sum(sums));
    for (c = 0; c < whole; c += kLanes) Store(row + c, Load(row + c) * inverse);
    for (; c < width; ++c) row[c] *= inverse;
  }
}

CRM_VECTOR_CLONES void LayerNormRows(float* rows, size_t count, std::span<const float> gain,
                                     std::span<const float> bias, float epsilon) {
  const size_t width = gain.size(), whole = width - width % kLanes;
  for (size_t r = 0; r < count; ++r) {
    float* row = rows + r * width;
    Vec sums{};
    float sum = 0;
    size_t c = 0;
    for (; c < whole; c += kLanes) sums += Load(row + c);
    for (; c < width; ++c) sum += row[c];
    const float mean = (sum + Sum(sums)) / static_cast<float>(width);
    Vec squares{};
    float square = 0;
    for (c = 0; c < whole; c += kLanes) {
      const Vec centered = Load(row + c) - mean;
      squares += centered * centered;
    }
    for (; c < width; ++c) square += (row[c] - mean) * (row[c] - mean);
    const float scale = 1.0f / std::sqrt((square + Sum(squares)) / static_cast<float>(width) + epsilon);
    for (c = 0; c < whole; c += kLanes) {
      Store(row + c, (Load(row + c) - mean) * scale * Load(gain.data() + c) + Load(bias.data() + c));
    }
    for (; c < width; ++c) row[c] = (row[c] - mean) * scale * gain[c] + bias[c];
  }
}

CRM_VECTOR_CLONES void ConvertToBf16(const float* in, size_t count, uint16_t* out) {
  const size_t whole = count - count % kLanes;
  size_t i = 0;
  for (; i < whole; i += kLanes) {
    const Bf16Vec half = __builtin_convertvector(Bf16Bits(Load(in + i)), Bf16Vec);
    std::memcpy(out + i, &half, sizeof half);
  }
  for (; i < count; ++i) out[i] = static_cast<uint16_t>(Bf16Bits(in[i]));
}

CRM_VECTOR_CLONES float QuantizeToInt8(const float* in, size_t count, int8_t* out) {
  const size_t whole = count - count % kLanes;
  Vec tops{};
  float top = 0.0f;
  size_t i = 0;
  for (; i < whole; i += kLanes) {
    const Vec x = Load(in + i);
    tops = Max(tops, x < 0.0f ? -x : x);
  }
  for (; i < count; ++i) top = Max(top, std::fabs(in[i]));
  for (size_t lane = 0; lane < kLanes; ++lane) top = Max(top, tops[lane]);
  const float inverse = top > 0.0f ? 127.0f / top : 0.0f;
  for (i = 0; i < whole; i += kLanes) {
    const Int8Vec quantized = __builtin_convertvector(Round(Load(in + i) * inverse), Int8Vec);
    std::memcpy(out + i, &quantized, sizeof quantized);
  }
  for (; i < count; ++i) out[i] = static_cast<int8_t>(Round(in[i] * inverse));
  return top / 127.0f;
}

CRM_VECTOR_CLONES void AddInt8Sums(const int32_t* sums, size_t count, std::span<const float> row_scales,
                                   std::span<const float> column_scales, std::span<const float> bias,
                                   float* rows, bool accumulate) {
  const size_t width = bias.size(), whole = width - width % kLanes;
  for (size_t r = 0; r < count; ++r) {
    const int32_t* sum = sums + r * width;
    float* row = rows + r * width;
    const float scale = row_scales[r];
    size_t c = 0;
    for (; c < whole; c += kLanes) {
      const Vec value =
          ToFloat(Load(sum + c)) * scale * Load(column_scales.data() + c) + Load(bias.data() + c);
      Store(row + c, accumulate ? Load(row + c) + value : value);
    }
    for (; c < width; ++c) {
      const float value = ToFloat(sum[c]) * scale * column_scales[c] + bias[c];
      row[c] = accumulate ? row[c] + value : value;
    }
  }
}

CRM_VECTOR_CLONES void AddFloatSums(const float* sums, size_t count, std::span<const float> bias, float* rows,
                                    bool accumulate) {
  const size_t width = bias.size(), whole = width - width % kLanes;
  for (size_t r = 0; r < count; ++r) {
    const float* sum = sums + r * width;
    float* row = rows + r * width;
    size_t c = 0;
    for (; c < whole; c += kLanes) {
      const Vec value = Load(sum + c) + Load(bias.data() + c);
      Store(row + c, accumulate ? Load(row + c) + value : value);
    }
    for (; c < width; ++c) row[c] = accumulate ? row[c] + sum[c] + bias[c] : sum[c] + bias[c];
  }
}

}  // namespace crm::embed
