#include "crm/models/booster_settings.h"

#include <cstdint>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

namespace crm::models {

namespace {

// Calls `visit(name, field)` on every field, in declaration order: the one list of the settings' names.
template <typename Settings, typename Visit>
void ForEachField(Settings& settings, Visit&& visit) {
  visit("max_depth", settings.max_depth);
  visit("eta", settings.eta);
  visit("rounds", settings.rounds);
  visit("min_child_weight", settings.min_child_weight);
  visit("subsample", settings.subsample);
  visit("colsample_bytree", settings.colsample_bytree);
  visit("reg_lambda", settings.reg_lambda);
  visit("max_bin", settings.max_bin);
  visit("nthread", settings.nthread);
  visit("seed", settings.seed);
}

Error WrongType(const std::string& name, const char* expected) {
  return Error{"booster setting '" + name + "' must be " + expected};
}

// Reads one JSON value into a field of the same kind; an Error when the kinds differ or it does not fit.
Status ReadValue(const std::string& name, const nlohmann::json& value, int& field) {
  constexpr int64_t kLowest = std::numeric_limits<int>::min();
  constexpr int64_t kHighest = std::numeric_limits<int>::max();
  const bool fits =
      value.is_number_unsigned()
          ? value.get<uint64_t>() <= static_cast<uint64_t>(kHighest)
          : value.is_number_integer() && value.get<int64_t>() >= kLowest && value.get<int64_t>() <= kHighest;
  if (!fits) return WrongType(name, "a 32-bit integer");
  field = value.get<int>();
  return Status::Ok();
}

Status ReadValue(const std::string& name, const nlohmann::json& value, uint64_t& field) {
  if (!value.is_number_unsigned()) return WrongType(name, "a non-negative integer");
  field = value.get<uint64_t>();
  return Status::Ok();
}

Status ReadValue(const std::string& name, const nlohmann::json& value, double& field) {
  if (!value.is_number()) return WrongType(name, "a number");
  field = value.get<double>();
  return Status::Ok();
}

// An Error "booster setting '<name>' must be <range> (got <value>)".
template <typename T>
Error OutOfRange(const char* name, const char* range, T value) {
  return Error{std::string("booster setting '") + name + "' must be " + range + " (got " +
               nlohmann::json(value).dump() + ")"};
}

}  // namespace

Status BoosterSettings::Validate() const {
  if (max_depth < 1) return OutOfRange("max_depth", "1 or more", max_depth);
  if (!(eta > 0 && eta <= 1)) return OutOfRange("eta", "in (0, 1]", eta);
  if (rounds < 1) return OutOfRange("rounds", "1 or more", rounds);
  if (!(min_child_weight >= 0)) return OutOfRange("min_child_weight", "0 or more", min_child_weight);
  if (!(subsample > 0 && subsample <= 1)) return OutOfRange("subsample", "in (0, 1]", subsample);
  if (!(colsample_bytree > 0 && colsample_bytree <= 1)) {
    return OutOfRange("colsample_bytree", "in (0, 1]", colsample_bytree);
  }
  if (!(reg_lambda >= 0)) return OutOfRange("reg_lambda", "0 or more", reg_lambda);
  if (max_bin < 2) return OutOfRange("max_bin", "2 or more", max_bin);
  if (nthread < 0) return OutOfRange("nthread", "0 (all cores) or more", nthread);
  // XGBoost reads its seed as a signed 64-bit integer.
  if (seed > static_cast<uint64_t>(INT64_MAX)) return OutOfRange("seed", "below 2^63", seed);
  return Status::Ok();
}

nlohmann::json BoosterSettings::ToJson() const {
  nlohmann::json json = nlohmann::json::object();
  ForEachField(*this, [&json](const char* name, const auto& field) { json[name] = field; });
  return json;
}

Result<BoosterSettings> BoosterSettings::FromJson(const nlohmann::json& json) {
  if (!json.is_object()) return Error{"booster settings must be a JSON object"};
  BoosterSettings settings;
  for (const auto& [key, value] : json.items()) {
    bool known = false;
    Status read;
    ForEachField(settings, [&](const char* name, auto& field) {
      if (known || key != name) return;
      known = true;
      read = ReadValue(key, value, field);
    });
    if (!known) return Error{"unknown booster setting '" + key + "'"};
    if (!read.ok()) return read.error();
  }
  if (Status valid = settings.Validate(); !valid.ok()) return valid.error();
  return settings;
}

}  // namespace crm::models
