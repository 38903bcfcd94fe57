// Sentences per second of the BERT encoder at MiniLM-L6's shape (random weights: timing only), at 16, 32
// and 128 tokens a sentence, on every core: wall time and the process's CPU time, best of --runs N, with
// the matrix products in --precision f32 (default), bf16 or int8 (then also the worst cosine similarity of
// its vectors with the f32 ones).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "crm/embed/bert_encoder.h"

namespace {

//! `count` normally distributed floats of standard deviation `scale`.
std::vector<float> Random(std::mt19937& rng, size_t count, float scale) {
  std::normal_distribution<float> normal(0.0f, scale);
  std::vector<float> values(count);
  for (float& value : values) value = normal(rng);
  return values;
}

//! Random weights of the shape `config`, with unit LayerNorm gains.
crm::embed::BertWeights RandomWeights(const crm::embed::BertConfig& config) {
  std::mt19937 rng(7);
  const size_t h = config.hidden_size, inner = config.intermediate_size;
  crm::embed::BertWeights w;
  w.word_embeddings = Random(rng, config.vocab_size * h, 0.05f);
  w.position_embeddings = Random(rng, config.max_position_embeddings * h, 0.05f);
  w.token_type_embedding = Random(rng, h, 0.05f);
  w.embedding_norm_gain.assign(h, 1.0f);
  w.embedding_norm_bias.assign(h, 0.0f);
  for (size_t i = 0; i < config.num_layers; ++i) {
    w.layers.push_back({Random(rng, 3 * h * h, 0.05f), Random(rng, 3 * h, 0.02f), Random(rng, h * h, 0.05f),
                        Random(rng, h, 0.02f), std::vector<float>(h, 1.0f), std::vector<float>(h, 0.0f),
                        Random(rng, inner * h, 0.05f), Random(rng, inner, 0.02f),
                        Random(rng, h * inner, 0.03f), Random(rng, h, 0.02f), std::vector<float>(h, 1.0f),
                        std::vector<float>(h, 0.0f)});
  }
  return w;
}

//! The smallest cosine similarity between the rows of a and b, vectors of `width` floats.
double WorstCosine(const std::vector<float>& a, const std::vector<float>& b, size_t width) {
  double worst = 1;
  for (size_t row = 0; row < a.size() / width; ++row) {
    double dot = 0, aa = 0, bb = 0;
    for (size_t i = row * width; i < (row + 1) * width; ++i) {
      dot += static_cast<double>(a[i]) * b[i];
      aa += static_cast<double>(a[i]) * a[i];
      bb += static_cast<double>(b[i]) * b[i];
    }
    worst = std::min(worst, dot / std::sqrt(aa * bb));
  }
  return worst;
}

//! User and system CPU seconds of the process so far.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 1;
  crm::embed::Precision precision = crm::embed::Precision::kF32;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--runs") == 0) {
      runs = std::max(1, std::atoi(argv[i + 1]));
    } else if (std::strcmp(argv[i], "--precision") == 0) {
      const auto parsed = crm::embed::ParsePrecision(argv[i + 1]);
      if (!parsed.ok()) {
        std::fprintf(stderr, "error: %s\n", parsed.error().message.c_str());
        return 1;
      }
      precision = *parsed;
    }
  }
  crm::embed::BertConfig config{.hidden_size = 384,
                                .num_layers = 6,
                                .num_heads = 12,
                                .intermediate_size = 1536,
                                .max_position_embeddings = 512,
                                .type_vocab_size = 2,
                                .vocab_size = 30522,
                                .max_length = 512};
  const crm::embed::BertEncoder encoder(config, RandomWeights(config), precision);
  // The same weights in f32, to say how far the reduced precision moves the vectors.
  std::optional<crm::embed::BertEncoder> exact;
  if (encoder.precision() != crm::embed::Precision::kF32) exact.emplace(config, RandomWeights(config));
  const unsigned threads = std::thread::hardware_concurrency();
  std::printf(
      "MiniLM-L6 shape (6 layers, hidden 384, 12 heads, intermediate 1536), %s, %u threads, best of %d\n",
      std::string(crm::embed::PrecisionName(encoder.precision())).c_str(), threads, runs);
  std::mt19937 rng(11);
  std::uniform_int_distribution<int32_t> token(1000, 30000);
  for (size_t tokens : {16, 32, 128}) {
    const size_t sentences = tokens == 128 ? 256 : 1024;
    std::vector<std::vector<int32_t>> batch(sentences, std::vector<int32_t>(tokens));
    for (auto& ids : batch) {
      for (int32_t& id : ids) id = token(rng);
      ids.front() = 101;
      ids.back() = 102;
    }
    std::vector<float> out(sentences * config.hidden_size);
    encoder.Encode(std::span(batch).first(std::min<size_t>(64, sentences)), out);  // warm-up
    double wall = 1e30, cpu = 1e30;
    for (int run = 0; run < runs; ++run) {
      const double cpu_start = CpuSeconds();
      const auto start = std::chrono::steady_clock::now();
      encoder.Encode(batch, out);
      wall = std::min(wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
      cpu = std::min(cpu, CpuSeconds() - cpu_start);
    }
    // CPU time over the threads: the rate the cores would give if nobody else used them.
    std::printf(
        "%4zu tokens: %7.1f sentences/s wall, %7.1f per %u CPU-seconds (%zu sentences: %.2f s wall, "
        "%.2f s CPU)\n",
        tokens, sentences / wall, sentences * threads / cpu, threads, sentences, wall, cpu);
    if (exact) {
      std::vector<float> reference(out.size());
      exact->Encode(batch, reference);
      std::printf("             worst cosine similarity with f32 over the %zu sentences: %.5f\n", sentences,
                  WorstCosine(out, reference, config.hidden_size));
    }
  }
  return 0;
}
