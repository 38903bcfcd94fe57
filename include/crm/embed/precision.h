#pragma once
// The number format of the encoder's matrix products: float32 (exact), bfloat16 or int8 (faster).

#include <string>
#include <string_view>

#include "crm/common/result.h"

namespace crm::embed {

//! How the encoder multiplies its activations by its weight matrices.
enum class Precision {
  kF32,   //!< float32 on OpenBLAS: matches the reference to 1e-5
  kBf16,  //!< bfloat16 inputs, float32 sums (oneDNN, AVX-512 BF16)
  kInt8,  //!< int8 weights per output column, int8 activations per row, int32 sums (oneDNN, VNNI)
};

//! "f32", "bf16" or "int8".
std::string_view PrecisionName(Precision precision);

//! The precision named `text` ("f32", "bf16" or "int8"); an Error lists the accepted names.
Result<Precision> ParsePrecision(std::string_view text);

//! The precision named `text`, else by $CRM_EMBEDDING_PRECISION when `text` is empty, else f32.
Result<Precision> ConfiguredPrecision(const std::string& text);

}  // namespace crm::embed
