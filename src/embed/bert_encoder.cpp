#include "crm/embed/bert_encoder.h"

#include <cblas.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <thread>

#include "crm/embed/vector_math.h"

namespace crm::embed {

namespace {

constexpr size_t kRowsPerBatch = 512;  // tokens packed into one batch of matrix products

//! out[rows, n] = in[rows, k] · weight[n, k]ᵀ (+ out when `accumulate`, for residuals), without bias.
void Product(const float* in, size_t rows, size_t k, const std::vector<float>& weight, size_t n, float* out,
             bool accumulate) {
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, static_cast<int>(rows), static_cast<int>(n),
              static_cast<int>(k), 1.0f, in, static_cast<int>(k), weight.data(), static_cast<int>(k),
              accumulate ? 1.0f : 0.0f, out, static_cast<int>(n));
}

//! `precision` when oneDNN can run it fast on this CPU, else f32 with a line on stderr (once a process).
Precision UsablePrecision(Precision precision) {
  if (precision == Precision::kF32) return precision;
  const Status usable = CheckReducedPrecision(precision);
  if (usable.ok()) return precision;
  static std::atomic<bool> warned{false};
  if (!warned.exchange(true)) {
    std::fprintf(stderr, "warning: embedding in f32 instead of %s: %s\n", PrecisionName(precision).data(),
                 usable.error().message.c_str());
  }
  return Precision::kF32;
}

//! Moves `matrix` [n, k] into bf16 or int8, releasing the float copy.
ReducedMatrix Reduce(std::vector<float>& matrix, size_t n, size_t k, Precision precision) {
  ReducedMatrix reduced(matrix, n, k, precision);
  std::vector<float>().swap(matrix);
  return reduced;
}

}  // namespace

struct BertEncoder::Workspace {
  std::vector<float> x, qkv, context, wide, scores;
  std::unique_ptr<ReducedMatmul> reduced;  //!< the products in bf16 or int8 (null in f32)
};

BertEncoder::BertEncoder(BertConfig config, BertWeights weights, Precision precision)
    : config_(std::move(config)), weights_(std::move(weights)), precision_(UsablePrecision(precision)) {
  openblas_set_num_threads(1);  // parallel over batches instead: small products thread poorly
  if (precision_ == Precision::kF32) return;
  const size_t hidden = config_.hidden_size, inner = config_.intermediate_size;
  for (BertLayerWeights& layer : weights_.layers) {
    reduced_.push_back({Reduce(layer.qkv_weight, 3 * hidden, hidden, precision_),
                        Reduce(layer.attention_output_weight, hidden, hidden, precision_),
                        Reduce(layer.intermediate_weight, inner, hidden, precision_),
                        Reduce(layer.output_weight, hidden, inner, precision_)});
  }
}

void BertEncoder::Encode(std::span<const std::vector<int32_t>> sequences, std::span<float> out,
                         unsigned threads) const {
  // Batches of consecutive sequences, at most kRowsPerBatch tokens each (a longer sequence alone).
  std::vector<std::pair<size_t, size_t>> batches;
  for (size_t first = 0; first < sequences.size();) {
    size_t last = first, rows = 0;
    while (last < sequences.size() && (last == first || rows + sequences[last].size() <= kRowsPerBatch)) {
      rows += sequences[last++].size();
    }
    batches.emplace_back(first, last);
    first = last;
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, batches.size());
  const size_t hidden = config_.hidden_size;
  std::atomic<size_t> next{0};
  auto work = [&] {
    Workspace workspace;
    if (!reduced_.empty()) workspace.reduced = std::make_unique<ReducedMatmul>();
    for (size_t b; (b = next.fetch_add(1)) < batches.size();) {
      const auto [first, last] = batches[b];
      EncodeBatch(sequences.subspan(first, last - first),
                  out.subspan(first * hidden, (last - first) * hidden), workspace);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& thread : pool) thread.join();
}

void BertEncoder::EncodeBatch(std::span<const std::vector<int32_t>> sequences, std::span<float> out,
                              Workspace& work) const {
  const size_t hidden = config_.hidden_size, inner = config_.intermediate_size;
  const size_t heads = config_.num_heads, head = hidden / heads;
  std::vector<size_t> starts;  // first row of every sequence, then the row count
  size_t rows = 0, longest = 0;
  for (const std::vector<int32_t>& ids : sequences) {
    starts.push_back(rows);
    const size_t length = std::min(ids.size(), config_.max_position_embeddings);
    rows += length;
    longest = std::max(longest, length);
  }
  starts.push_back(rows);
  // Every buffer is written before it is read, so growing them is all the preparation they need.
  work.x.resize(rows * hidden);
  work.qkv.resize(rows * 3 * hidden);
  work.context.resize(rows * hidden);
  work.wide.resize(rows * inner);
  work.scores.resize(longest * longest);
  auto& [x, qkv, context, wide, scores, products] = work;
  for (size_t s = 0; s < sequences.size(); ++s) {
    for (size_t t = 0; t < starts[s + 1] - starts[s]; ++t) {
      const auto id = static_cast<size_t>(std::clamp<int32_t>(sequences[s][t], 0, config_.vocab_size - 1));
      const float* word = weights_.word_embeddings.data() + id * hidden;
      const float* position = weights_.position_embeddings.data() + t * hidden;
      float* row = x.data() + (starts[s] + t) * hidden;
      for (size_t c = 0; c < hidden; ++c) row[c] = word[c] + position[c] + weights_.token_type_embedding[c];
    }
  }
  LayerNormRows(x.data(), rows, weights_.embedding_norm_gain, weights_.embedding_norm_bias,
                config_.layer_norm_eps);
  const float scale = 1.0f / std::sqrt(static_cast<float>(head));
  const int stride = static_cast<int>(3 * hidden);
  // out[rows, n] = in[rows, k] · weight[n, k]ᵀ (+ bias unless empty) (+ out when `accumulate`), in f32 or,
  // when `reduced` is given, in its precision.
  auto dense = [&](const float* in, size_t k, const std::vector<float>& weight, const ReducedMatrix* reduced,
                   std::span<const float> bias, size_t n, float* out, bool accumulate) {
    if (reduced != nullptr) {
      products->Dense(in, rows, *reduced, bias, out, accumulate);
      return;
    }
    Product(in, rows, k, weight, n, out, accumulate);
    if (!bias.empty()) AddBias(out, rows, bias);
  };
  for (size_t i = 0; i < weights_.layers.size(); ++i) {
    const BertLayerWeights& layer = weights_.layers[i];
    const ReducedLayer* fast = reduced_.empty() ? nullptr : &reduced_[i];
    dense(x.data(), hidden, layer.qkv_weight, fast ? &fast->qkv : nullptr, layer.qkv_bias, 3 * hidden,
          qkv.data(), false);
    // Attention within each sequence: its rows are its tokens, so no padding and no mask.
    for (size_t s = 0; s < sequences.size(); ++s) {
      const int length = static_cast<int>(starts[s + 1] - starts[s]);
      for (size_t h = 0; h < heads; ++h) {
        const float* query = qkv.data() + starts[s] * 3 * hidden + h * head;
        const float* key = query + hidden;
        const float* value = query + 2 * hidden;
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, length, length, static_cast<int>(head), scale,
                    query, stride, key, stride, 0.0f, scores.data(), length);
        SoftmaxRows(scores.data(), length, length);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, length, static_cast<int>(head), length, 1.0f,
                    scores.data(), length, value, stride, 0.0f,
                    context.data() + starts[s] * hidden + h * head, static_cast<int>(hidden));
      }
    }
    dense(context.data(), hidden, layer.attention_output_weight, fast ? &fast->attention_output : nullptr,
          layer.attention_output_bias, hidden, x.data(), true);
    LayerNormRows(x.data(), rows, layer.attention_norm_gain, layer.attention_norm_bias,
                  config_.layer_norm_eps);
    dense(x.data(), hidden, layer.intermediate_weight, fast ? &fast->intermediate : nullptr, {}, inner,
          wide.data(), false);
    AddBiasGelu(wide.data(), rows, layer.intermediate_bias);
    dense(wide.data(), inner, layer.output_weight, fast ? &fast->output : nullptr, layer.output_bias, hidden,
          x.data(), true);
    LayerNormRows(x.data(), rows, layer.output_norm_gain, layer.output_norm_bias, config_.layer_norm_eps);
  }
  for (size_t s = 0; s < sequences.size(); ++s) {
    float* vector = out.data() + s * hidden;
    std::fill(vector, vector + hidden, 0.0f);
    const size_t length = starts[s + 1] - starts[s];
    if (sequences[s].size() <= 2) continue;  // [CLS] [SEP]: nothing to embed
    double norm = 0;
    for (size_t t = 0; t < length; ++t) {
      const float* row = x.data() + (starts[s] + t) * hidden;
      for (size_t c = 0; c < hidden; ++c) vector[c] += row[c];
    }
    for (size_t c = 0; c < hidden; ++c) norm += static_cast<double>(vector[c]) * vector[c];
    const auto inverse = static_cast<float>(norm > 0 ? 1.0 / std::sqrt(norm) : 0.0);
    for (size_t c = 0; c < hidden; ++c) vector[c] *= inverse;
  }
}

}  // namespace crm::embed
