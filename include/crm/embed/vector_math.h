#pragma once
// The element-wise kernels of the encoder (bias, GELU, softmax, LayerNorm), written on short float vectors
// so that they vectorise with the default compiler flags, with exp and erfc as polynomials.

#include <cstddef>
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

}  // namespace crm::embed
