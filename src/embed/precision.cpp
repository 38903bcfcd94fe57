// Names of the encoder's precisions, and the one the command line or the environment chooses.
#include "crm/embed/precision.h"

#include <cstdlib>

namespace crm::embed {

std::string_view PrecisionName(Precision precision) {
  switch (precision) {
    case Precision::kBf16:
      return "bf16";
    case Precision::kInt8:
      return "int8";
    case Precision::kF32:
      break;
  }
  return "f32";
}

Result<Precision> ParsePrecision(std::string_view text) {
  for (Precision precision : {Precision::kF32, Precision::kBf16, Precision::kInt8}) {
    if (text == PrecisionName(precision)) return precision;
  }
  return Error{"unknown embedding precision '" + std::string(text) + "' (f32, bf16 or int8)"};
}

Result<Precision> ConfiguredPrecision(const std::string& text) {
  if (!text.empty()) return ParsePrecision(text);
  const char* configured = std::getenv("CRM_EMBEDDING_PRECISION");
  if (configured == nullptr || *configured == '\0') return Precision::kF32;
  return ParsePrecision(configured);
}

}  // namespace crm::embed
