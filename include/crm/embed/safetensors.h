#pragma once
// Reads the tensors of a .safetensors file: an 8-byte little-endian header length, a JSON header, raw data.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "crm/common/result.h"

namespace crm::embed {

//! One tensor of the file; `values` holds the data of F32 tensors only (other dtypes are listed, unread).
struct Tensor {
  std::string dtype;           //!< "F32", "I64", …
  std::vector<int64_t> shape;  //!< dimensions, outermost first
  std::vector<float> values;   //!< row-major F32 data (empty for other dtypes)
};

//! Tensors by name.
using TensorMap = std::map<std::string, Tensor>;

//! Reads every tensor of the safetensors file at `path`; an Error names the file and what is wrong.
Result<TensorMap> ReadSafetensors(const std::string& path);

//! "[384, 1536]".
std::string ShapeText(const std::vector<int64_t>& shape);

}  // namespace crm::embed
