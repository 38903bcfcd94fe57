#include "crm/search/vector_index.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace crm::search {

namespace {

//! An anonymous file in memory (memfd), for hnswlib, whose save and load only take a path.
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("crm-vector-index", MFD_CLOEXEC)) {}
  ~MemoryFile() {
    if (fd_ >= 0) close(fd_);
  }
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;

  bool ok() const { return fd_ >= 0; }
  //! A path that opens this file.
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }
  //! Writes all of `bytes` at the start of the file.
  bool Write(std::string_view bytes) const {
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t written = pwrite(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
      if (written <= 0) return false;
      done += static_cast<size_t>(written);
    }
    return true;
  }
  //! The whole file.
  std::string ReadAll() const {
    struct stat status {};
    if (fstat(fd_, &status) != 0) return {};
    std::string bytes(static_cast<size_t>(status.st_size), '\0');
    size_t done = 0;
    while (done < bytes.size()) {
      const ssize_t read = pread(fd_, bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
      if (read <= 0) return {};
      done += static_cast<size_t>(read);
    }
    return bytes;
  }

 private:
  int fd_;
};

}  // namespace

//! The hnswlib graph with the space it measures in (the graph keeps a pointer into the space).
struct VectorIndex::Graph {
  explicit Graph(size_t dimension) : space(dimension) {}
  hnswlib::InnerProductSpace space;
  std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
};

VectorIndex::VectorIndex(size_t dimension, size_t capacity, HnswSettings settings)
    : dimension_(dimension), settings_(settings), graph_(std::make_unique<Graph>(dimension)) {
  graph_->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(
      &graph_->space, std::max<size_t>(capacity, 1), settings.m, settings.ef_construction);
  graph_->hnsw->setEf(settings.ef_search);
}

VectorIndex::VectorIndex(size_t dimension, HnswSettings settings, std::unique_ptr<Graph> graph)
    : dimension_(dimension), settings_(settings), graph_(std::move(graph)) {}

VectorIndex::~VectorIndex() = default;

void VectorIndex::Add(std::span<const float> vectors, uint32_t first_label, size_t threads,
                      ProgressBar* progress) {
  std::unique_lock lock(mutex_);
  const size_t count = vectors.size() / dimension_;
  std::atomic<size_t> next{0};
  // hnswlib allows concurrent inserts of distinct labels (its own locks guard the links).
  const auto work = [&](bool reports) {
    for (size_t i; (i = next.fetch_add(1)) < count;) {
      graph_->hnsw->addPoint(vectors.data() + i * dimension_, first_label + i);
      if (reports && progress != nullptr) progress->Update(i);
    }
  };
  std::vector<std::thread> helpers;
  for (size_t t = 1; t < std::min(threads, count); ++t) helpers.emplace_back(work, false);
  work(true);
  for (std::thread& helper : helpers) helper.join();
}

std::vector<Neighbor> VectorIndex::Search(std::span<const float> query, size_t k) const {
  std::shared_lock lock(mutex_);
  auto found = graph_->hnsw->searchKnn(query.data(), k);
  std::vector<Neighbor> neighbors(found.size());
  // The queue pops the farthest first; distance is 1 - inner product.
  for (size_t i = found.size(); i-- > 0; found.pop()) {
    neighbors[i] = {static_cast<uint32_t>(found.top().second), 1.0f - found.top().first};
  }
  return neighbors;
}

std::vector<Neighbor> VectorIndex::SearchAmong(std::span<const float> query, std::span<const uint32_t> labels,
                                               size_t k) const {
  std::shared_lock lock(mutex_);
  const hnswlib::HierarchicalNSW<float>& hnsw = *graph_->hnsw;
  std::vector<Neighbor> neighbors;
  neighbors.reserve(labels.size());
  for (const uint32_t label : labels) {
    const auto found = hnsw.label_lookup_.find(label);
    if (found == hnsw.label_lookup_.end()) continue;
    const float distance =
        hnsw.fstdistfunc_(query.data(), hnsw.getDataByInternalId(found->second), hnsw.dist_func_param_);
    neighbors.push_back({label, 1.0f - distance});
  }
  const auto more_similar = [](const Neighbor& a, const Neighbor& b) {
    return a.similarity != b.similarity ? a.similarity > b.similarity : a.label < b.label;
  };
  const size_t kept = std::min(k, neighbors.size());
  std::partial_sort(neighbors.begin(), neighbors.begin() + kept, neighbors.end(), more_similar);
  neighbors.resize(kept);
  return neighbors;
}

size_t VectorIndex::size() const {
  std::shared_lock lock(mutex_);
  return graph_->hnsw->cur_element_count;
}

Result<std::string> VectorIndex::Serialize() const {
  std::shared_lock lock(mutex_);
  const MemoryFile file;
  if (!file.ok()) return Error{"cannot stage the vectors in memory to save them"};
  graph_->hnsw->saveIndex(file.path());
  std::string bytes = file.ReadAll();
  if (bytes.empty()) return Error{"cannot read back the vectors staged in memory"};
  return bytes;
}

Result<std::unique_ptr<VectorIndex>> VectorIndex::Deserialize(std::string_view bytes, size_t dimension,
                                                              HnswSettings settings) {
  const MemoryFile file;
  if (!file.ok() || !file.Write(bytes)) return Error{"cannot stage the saved vectors in memory"};
  auto graph = std::make_unique<Graph>(dimension);
  try {
    graph->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(&graph->space, file.path());
  } catch (const std::exception& error) {
    return Error{std::string("the saved vectors cannot be read: ") + error.what()};
  }
  const hnswlib::HierarchicalNSW<float>& hnsw = *graph->hnsw;
  const size_t expected = hnsw.maxM0_ * sizeof(hnswlib::tableint) + sizeof(hnswlib::linklistsizeint) +
                          dimension * sizeof(float) + sizeof(hnswlib::labeltype);
  if (hnsw.size_data_per_element_ != expected) return Error{"the saved vectors have another dimension"};
  // loadIndex resets ef to 10.
  graph->hnsw->setEf(settings.ef_search);
  return std::unique_ptr<VectorIndex>(new VectorIndex(dimension, settings, std::move(graph)));
}

}  // namespace crm::search
