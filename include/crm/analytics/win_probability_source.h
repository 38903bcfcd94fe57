#pragma once
// Win probabilities of open deals supplied from outside the engine (the trained opportunity_win model),
// so that the weighted pipeline and the forecast use them instead of historical rates.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace crm::analytics {

//! Where the engine gets open deals' win probabilities at an as-of date.
struct WinProbabilitySource {
  //! Per deal row, the chance that a deal open and engaged at `as_of` is won; NaN where there is none.
  std::function<std::vector<double>(int32_t as_of)> probabilities;
  std::string label;  //!< what the probabilities come from, e.g. "the opportunity_win v3 model"
};

}  // namespace crm::analytics
