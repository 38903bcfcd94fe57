#pragma once
// Helpers of the golden tests: an insight of the Kaggle data as JSON, and its tables as rows by column.

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace crm::test {

//! `crm-assistant --data <Kaggle> --json insight ARGS`; a test failure and an empty object when it fails.
nlohmann::json KaggleInsight(const std::string& args);

//! The rows of the table `name` of `insight` as objects column → value; a test failure when there are
//! none and `require_rows` is set.
std::vector<nlohmann::json> TableRows(const nlohmann::json& insight, const std::string& name, bool require_rows = true);

}  // namespace crm::test
