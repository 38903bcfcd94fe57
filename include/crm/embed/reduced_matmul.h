#pragma once
// The encoder's matrix products in bfloat16 or int8 on oneDNN's matmul: weights converted once at load,
// activations converted on every call, sums in float32 (bf16) or int32 (int8).

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "crm/common/result.h"
#include "crm/embed/precision.h"

namespace crm::embed {

//! A weight matrix [n, k] (PyTorch's [out, in]) in bfloat16, or in int8 with one scale per output
//! column, packed in the layout oneDNN's kernel reads.
class ReducedMatrix {
 public:
  //! Converts (bf16) or quantizes (int8) the row-major `weight` [n, k]; `precision` is bf16 or int8.
  ReducedMatrix(std::span<const float> weight, size_t n, size_t k, Precision precision);
  ReducedMatrix(ReducedMatrix&&) noexcept;
  ~ReducedMatrix();

 private:
  friend class ReducedMatmul;
  struct Products;  //!< oneDNN's products by this matrix, by row count, shared by every thread

  Precision precision_;
  size_t n_, k_;
  std::vector<std::byte> packed_;     //!< oneDNN's blocked layout (with its int8 compensation)
  std::vector<float> column_scales_;  //!< int8: weight[c][i] ≈ column_scales_[c] × quantized value
  std::unique_ptr<Products> products_;
};

//! One thread's reduced-precision products (their primitives are cached in the matrices, by row count)
//! with its conversion buffers. While it exists oneDNN runs on its thread alone (one OpenMP thread, restored
//! when it is destroyed), so it must be created, used and destroyed on one thread.
class ReducedMatmul {
 public:
  //! Limits oneDNN to the calling thread.
  ReducedMatmul();
  //! Restores the calling thread's OpenMP thread count.
  ~ReducedMatmul();
  ReducedMatmul(const ReducedMatmul&) = delete;
  ReducedMatmul& operator=(const ReducedMatmul&) = delete;

  //! out[rows, n] = in[rows, k] · weightᵀ + bias (none when empty) (+ out when `accumulate`, residuals).
  void Dense(const float* in, size_t rows, const ReducedMatrix& weight, std::span<const float> bias,
             float* out, bool accumulate);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

//! Ok when oneDNN has a fast kernel for `precision` on this CPU (AVX-512 BF16 for bf16, VNNI for int8);
//! otherwise an Error naming the kernel oneDNN would fall back to.
Status CheckReducedPrecision(Precision precision);

}  // namespace crm::embed
