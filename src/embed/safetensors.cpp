#include "crm/embed/safetensors.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

namespace crm::embed {

namespace {

//! The number of elements of `shape`; -1 when a dimension is negative.
int64_t ElementCount(const std::vector<int64_t>& shape) {
  int64_t count = 1;
  for (int64_t dimension : shape) {
    if (dimension < 0) return -1;
    count *= dimension;
  }
  return count;
}

}  // namespace

std::string ShapeText(const std::vector<int64_t>& shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

Result<TensorMap> ReadSafetensors(const std::string& path) {
  static_assert(std::endian::native == std::endian::little, "safetensors data is little-endian");
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error{"cannot read '" + path + "'"};
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  auto fail = [&](const std::string& what) { return Error{"'" + path + "' is not safetensors: " + what}; };
  if (bytes.size() < 8) return fail("shorter than its 8-byte header length");
  uint64_t header_length = 0;
  std::memcpy(&header_length, bytes.data(), 8);
  if (header_length > bytes.size() - 8) return fail("the header length exceeds the file");
  const nlohmann::json header =
      nlohmann::json::parse(bytes.begin() + 8, bytes.begin() + 8 + header_length, nullptr, false);
  if (!header.is_object()) return fail("the header is not a JSON object");
  const std::string_view data(bytes.data() + 8 + header_length, bytes.size() - 8 - header_length);
  TensorMap tensors;
  for (const auto& [name, entry] : header.items()) {
    if (name == "__metadata__") continue;
    if (!entry.is_object() || !entry.contains("dtype") || !entry.contains("shape") ||
        !entry.contains("data_offsets")) {
      return fail("tensor '" + name + "' lacks dtype, shape or data_offsets");
    }
    Tensor tensor;
    try {
      tensor.dtype = entry.at("dtype").get<std::string>();
      tensor.shape = entry.at("shape").get<std::vector<int64_t>>();
      const auto offsets = entry.at("data_offsets").get<std::vector<uint64_t>>();
      if (offsets.size() != 2 || offsets[0] > offsets[1] || offsets[1] > data.size()) {
        return fail("tensor '" + name + "' has data offsets outside the file");
      }
      if (tensor.dtype == "F32") {
        const int64_t count = ElementCount(tensor.shape);
        if (count < 0 || static_cast<uint64_t>(count) * 4 != offsets[1] - offsets[0]) {
          return fail("tensor '" + name + "' of shape " + ShapeText(tensor.shape) + " has " +
                      std::to_string(offsets[1] - offsets[0]) + " bytes");
        }
        tensor.values.resize(count);
        std::memcpy(tensor.values.data(), data.data() + offsets[0], count * 4);
      }
    } catch (const nlohmann::json::exception&) {
      return fail("tensor '" + name + "' has a malformed entry");
    }
    tensors.emplace(name, std::move(tensor));
  }
  return tensors;
}

}  // namespace crm::embed
