// bfloat16 and int8 matrix products on oneDNN: weights packed once, activations converted per call into
// reused buffers, one primitive per matrix and row count shared by the threads (each with its own
// scratchpad), and a float32 epilogue (scales, bias, residual).
#include "crm/embed/reduced_matmul.h"

#include <omp.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <oneapi/dnnl/dnnl.hpp>
#include <string>

#include "crm/embed/vector_math.h"

namespace crm::embed {

namespace {

using DataType = dnnl::memory::data_type;
using Tag = dnnl::memory::format_tag;

constexpr size_t kPackRows = 512;  // rows of the product whose kernel chooses the weights' layout
constexpr size_t kRowStep = 32;    // rows are padded to a multiple: few shapes, few primitives

//! The CPU engine every product runs on.
const dnnl::engine& Engine() {
  static const dnnl::engine engine(dnnl::engine::kind::cpu, 0);
  return engine;
}

//! The type of the product's inputs.
DataType InputType(Precision precision) {
  return precision == Precision::kInt8 ? DataType::s8 : DataType::bf16;
}

//! A matmul of in[rows, k] by weights[k, n] described by `weights`, into sums[rows, n].
dnnl::matmul::primitive_desc ProductDesc(Precision precision, size_t rows, size_t k, size_t n,
                                         const dnnl::memory::desc& weights) {
  const auto r = static_cast<int64_t>(rows), kk = static_cast<int64_t>(k), nn = static_cast<int64_t>(n);
  const dnnl::memory::desc in({r, kk}, InputType(precision), Tag::ab);
  const dnnl::memory::desc sums({r, nn}, precision == Precision::kInt8 ? DataType::s32 : DataType::f32,
                                Tag::ab);
  // The caller gives each execution its own scratchpad, so that threads can share the primitive.
  dnnl::primitive_attr attributes;
  attributes.set_scratchpad_mode(dnnl::scratchpad_mode::user);
  return dnnl::matmul::primitive_desc(dnnl::matmul::desc(in, weights, sums), attributes, Engine());
}

//! The weights' layout oneDNN's kernel prefers for k × n.
dnnl::memory::desc PackedWeights(Precision precision, size_t k, size_t n) {
  const dnnl::memory::desc any({static_cast<int64_t>(k), static_cast<int64_t>(n)}, InputType(precision),
                               Tag::any);
  return ProductDesc(precision, kPackRows, k, n, any).weights_desc();
}

//! A product's description (its memory layouts) and its primitive.
struct Product {
  dnnl::matmul::primitive_desc desc;
  dnnl::matmul primitive;
};

}  // namespace

struct ReducedMatrix::Products {
  std::mutex mutex;
  std::map<size_t, Product> by_rows;

  //! The product of `rows` rows by `matrix`, created on first use (primitives may run on many threads).
  Product Find(const ReducedMatrix& matrix, size_t rows) {
    std::lock_guard lock(mutex);
    auto found = by_rows.find(rows);
    if (found == by_rows.end()) {
      const size_t k = matrix.k_, n = matrix.n_;
      auto desc = ProductDesc(matrix.precision_, rows, k, n, PackedWeights(matrix.precision_, k, n));
      found = by_rows.emplace(rows, Product{desc, dnnl::matmul(desc)}).first;
    }
    return found->second;
  }
};

ReducedMatrix::ReducedMatrix(ReducedMatrix&&) noexcept = default;
ReducedMatrix::~ReducedMatrix() = default;

ReducedMatrix::ReducedMatrix(std::span<const float> weight, size_t n, size_t k, Precision precision)
    : precision_(precision), n_(n), k_(k), products_(std::make_unique<Products>()) {
  // Row-major [n, k] is the k × n matrix the product needs in the transposed ("ba") layout.
  std::vector<std::byte> plain;
  if (precision == Precision::kInt8) {
    plain.resize(n * k);
    column_scales_.resize(n);
    for (size_t c = 0; c < n; ++c) {
      column_scales_[c] =
          QuantizeToInt8(weight.data() + c * k, k, reinterpret_cast<int8_t*>(plain.data()) + c * k);
    }
  } else {
    plain.resize(n * k * sizeof(uint16_t));
    ConvertToBf16(weight.data(), n * k, reinterpret_cast<uint16_t*>(plain.data()));
  }
  const dnnl::memory::desc packed_desc = PackedWeights(precision, k, n);
  packed_.resize(packed_desc.get_size());
  dnnl::memory source({{static_cast<int64_t>(k), static_cast<int64_t>(n)}, InputType(precision), Tag::ba},
                      Engine(), plain.data());
  dnnl::memory packed(packed_desc, Engine(), packed_.data());
  dnnl::stream stream(Engine());
  dnnl::reorder(source, packed).execute(stream, source, packed);
  stream.wait();
}

struct ReducedMatmul::State {
  int saved_threads = omp_get_max_threads();
  dnnl::stream stream{Engine()};
  std::vector<uint16_t> bf16_in;
  std::vector<int8_t> int8_in;
  std::vector<float> row_scales, float_sums;
  std::vector<float> zeros;  //!< the bias of a product without one
  std::vector<int32_t> int_sums;
  std::vector<std::byte> scratchpad;  //!< oneDNN's temporary memory for this thread's products
};

ReducedMatmul::ReducedMatmul() : state_(std::make_unique<State>()) { omp_set_num_threads(1); }

ReducedMatmul::~ReducedMatmul() { omp_set_num_threads(state_->saved_threads); }

void ReducedMatmul::Dense(const float* in, size_t rows, const ReducedMatrix& weight,
                          std::span<const float> bias, float* out, bool accumulate) {
  State& s = *state_;
  const size_t k = weight.k_, n = weight.n_, padded = (rows + kRowStep - 1) / kRowStep * kRowStep;
  const bool int8 = weight.precision_ == Precision::kInt8;
  void* input;
  void* sums;
  if (int8) {
    s.int8_in.resize(padded * k);
    s.row_scales.resize(rows);
    for (size_t r = 0; r < rows; ++r)
      s.row_scales[r] = QuantizeToInt8(in + r * k, k, s.int8_in.data() + r * k);
    std::fill(s.int8_in.begin() + rows * k, s.int8_in.end(), int8_t{0});
    s.int_sums.resize(padded * n);
    input = s.int8_in.data();
    sums = s.int_sums.data();
  } else {
    s.bf16_in.resize(padded * k);
    ConvertToBf16(in, rows * k, s.bf16_in.data());
    std::fill(s.bf16_in.begin() + rows * k, s.bf16_in.end(), uint16_t{0});
    s.float_sums.resize(padded * n);
    input = s.bf16_in.data();
    sums = s.float_sums.data();
  }
  const Product product = weight.products_->Find(weight, padded);
  dnnl::memory in_memory(product.desc.src_desc(), Engine(), input);
  dnnl::memory weight_memory(product.desc.weights_desc(), Engine(),
                             const_cast<std::byte*>(weight.packed_.data()));
  dnnl::memory sum_memory(product.desc.dst_desc(), Engine(), sums);
  s.scratchpad.resize(std::max(s.scratchpad.size(), product.desc.scratchpad_desc().get_size()));
  dnnl::memory scratchpad_memory(product.desc.scratchpad_desc(), Engine(), s.scratchpad.data());
  product.primitive.execute(s.stream, {{DNNL_ARG_SRC, in_memory},
                                       {DNNL_ARG_WEIGHTS, weight_memory},
                                       {DNNL_ARG_DST, sum_memory},
                                       {DNNL_ARG_SCRATCHPAD, scratchpad_memory}});
  s.stream.wait();
  if (bias.empty()) s.zeros.resize(n);
  const std::span<const float> shift = bias.empty() ? std::span<const float>(s.zeros).first(n) : bias;
  if (int8) {
    AddInt8Sums(s.int_sums.data(), rows, s.row_scales, weight.column_scales_, shift, out, accumulate);
  } else {
    AddFloatSums(s.float_sums.data(), rows, shift, out, accumulate);
  }
}

Status CheckReducedPrecision(Precision precision) {
  const bool int8 = precision == Precision::kInt8;
  std::string kernel;
  try {
    const dnnl::memory::desc any({64, 64}, InputType(precision), Tag::any);
    kernel = ProductDesc(precision, kPackRows, 64, 64, any).impl_info_str();
  } catch (const dnnl::error& error) {
    return Error{std::string("oneDNN cannot multiply in ") + std::string(PrecisionName(precision)) + ": " +
                 error.what()};
  }
  const bool fast =
      kernel.rfind("ref", 0) != 0 &&
      (kernel.find(int8 ? "vnni" : "bf16") != std::string::npos || kernel.find("amx") != std::string::npos);
  if (fast) return Status::Ok();
  return Error{std::string("this CPU lacks ") + (int8 ? "AVX-512 VNNI" : "AVX-512 BF16") +
               " for oneDNN (its kernel would be '" + kernel + "')"};
}

}  // namespace crm::embed
