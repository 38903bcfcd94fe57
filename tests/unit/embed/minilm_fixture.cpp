#include "minilm_fixture.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace crm::test {

std::vector<MiniLmCase> MiniLmReferenceCases() {
  std::ifstream file(MiniLmFixtureDir() / "../expected.json");
  const nlohmann::json document = nlohmann::json::parse(file);
  std::vector<MiniLmCase> cases;
  for (const nlohmann::json& entry : document.at("cases")) {
    cases.push_back({entry.at("text").get<std::string>(), entry.at("token_ids").get<std::vector<int32_t>>(),
                     entry.at("vector").get<std::vector<float>>()});
  }
  return cases;
}

}  // namespace crm::test
