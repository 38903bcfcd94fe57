#pragma once
// The element-wise kernels of the encoder (bias, GELU, softmax, LayerNorm, and the conversions around its
// bf16 and int8 products), written on short float vectors so that they vectorise with the default compiler
// flags, with exp and erfc as polynomials.

#include <cstddef>
#include <cstdint>
#include <span>

namespace crm::embed {

//! rows[r][c] += bias[c] for every row of rows[count, bias.size()].
void AddBias(float* rows, size_t count, std::span<const float> bias);
//! rows[r][c] = GELU(rows[r][c] + bias[c]) for every row of rows[count, bias.size()], GELU(x) = x Φ(x)
//! in the exact (erf) form to within 2e-7 (absolute below 1, relative above).
void AddBiasGelu(float* rows, size_t count, std::span<const float> bias);
//! Softmax of every row of rows[count, width], in place (exp within 1e-7 relative down to e^-87).
void SoftmaxRows(float* rows, size_t count, size_t width);
//! Normalises every row of rows[count, gain.size()] to zero mean and unit variance (plus `epsilon`), then
//! scales it by `gain` and shifts it by `bias`.
void LayerNormRows(float* rows, size_t count, std::span<const float> gain, std::span<const float> bias,
                   float epsilon);

//! out[i] = in[i] rounded to the nearest bfloat16 (ties to even, as its bits) for i < count.
void ConvertToBf16(const float* in, size_t count, uint16_t* out);
//! Quantizes in[0, count) symmetrically to int8, the largest magnitude to ±127 (halves away from zero);
//! returns the scale s with in[i] ≈ s × out[i] (0 for a row of zeros).
float QuantizeToInt8(const float* in, size_t count, int8_t* out);
//! rows[r][c] = sums[r][c] × row_scales[r] × column_scales[c] + bias[c], added to rows[r][c] when
//! `accumulate`, for the int32 sums [count, bias.size()] of an int8 product.
void AddInt8Sums(const int32_t* sums, size_t count, std::span<const float> row_scales,
                 std::span<const float> column_scales, std::span<const float> bias, float* rows,
                 bool accumulate);
//! rows[r][c] = sums[r][c] + bias[c], added to rows[r][c] when `accumulate`, for sums [count, bias.size()].
void AddFloatSums(const float* sums, size_t count, std::span<const float> bias, float* rows, bool accumulate);

}  // namespace crm::embed
