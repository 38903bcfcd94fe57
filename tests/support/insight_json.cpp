#include "support/insight_json.h"

#include <gtest/gtest.h>

#include "support/test_support.h"

namespace crm::test {

nlohmann::json KaggleInsight(const std::string& args) {
  // A store that does not exist: no trained model may change the historical rates the goldens check.
  const TempDir no_store;
  const CliRun run =
      RunCli("--db " + no_store.File("absent.db") + " --data " + SharedDataDir() + " --json insight " + args);
  EXPECT_EQ(run.exit_code, 0) << args << ": " << run.err;
  return run.exit_code == 0 ? nlohmann::json::parse(run.out) : nlohmann::json::object();
}

std::vector<nlohmann::json> TableRows(const nlohmann::json& insight, const std::string& name,
                                      bool require_rows) {
  std::vector<nlohmann::json> rows;
  for (const nlohmann::json& table : insight["tables"]) {
    if (table["name"] != name) continue;
    for (const nlohmann::json& cells : table["rows"]) {
      nlohmann::json row;
      for (size_t c = 0; c < table["columns"].size(); ++c)
        row[table["columns"][c].get<std::string>()] = cells[c];
      rows.push_back(std::move(row));
    }
  }
  if (require_rows) {
    EXPECT_FALSE(rows.empty()) << "no rows in " << name;
  }
  return rows;
}

}  // namespace crm::test
