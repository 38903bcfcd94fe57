#pragma once
// The tiny BERT fixture of tests/fixtures/minilm and its reference outputs (from make_fixture.py).

#include <filesystem>
#include <string>
#include <vector>

namespace crm::test {

//! The model folder of the fixture.
inline std::filesystem::path MiniLmFixtureDir() {
  return std::filesystem::path(__FILE__).parent_path() / "../../fixtures/minilm/model";
}

//! One reference case: a text, its token ids and its vector.
struct MiniLmCase {
  std::string text;
  std::vector<int32_t> token_ids;
  std::vector<float> vector;
};

//! The cases of expected.json.
std::vector<MiniLmCase> MiniLmReferenceCases();

}  // namespace crm::test
