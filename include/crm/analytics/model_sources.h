#pragma once
// What the trained models tell the engine: win probabilities of open deals (opportunity_win), used by the
// weighted pipeline and the forecast instead of historical rates, and each account's risk (account_risk),
// shown next to its health score.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace crm::analytics {

//! Where the engine gets open deals' win probabilities at an as-of date.
struct WinProbabilitySource {
  //! Per deal row, the chance that a deal open and engaged at `as_of` is won; NaN where there is none.
  std::function<std::vector<double>(int32_t as_of)> probabilities;
  std::string label;  //!< what the probabilities come from, e.g. "the opportunity_win v3 model"
};

//! Where the engine gets each account's risk at an as-of date.
struct AccountRiskSource {
  //! Per account row, the chance that the account wins nothing (or half as much) in the next 90 days;
  //! NaN for accounts not scored (not active).
  std::function<std::vector<double>(int32_t as_of)> probabilities;
  std::string label;  //!< e.g. "the account_risk v2 model"
};

//! Every model-backed source the engine may use; an empty optional means historical rates / no risk.
struct ModelSources {
  std::optional<WinProbabilitySource> win;
  std::optional<AccountRiskSource> account_risk;
};

}  // namespace crm::analytics
