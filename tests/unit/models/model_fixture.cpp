#include "model_fixture.h"

#include <gtest/gtest.h>

#include "crm/demo/demo_data.h"
#include "crm/ingest/importer.h"
#include "support/test_support.h"

namespace crm::models::test {

const Dataset& DemoDataset() {
  static const Dataset data = [] {
    crm::test::TempDir dir;
    crm::demo::DemoOptions options;
    options.out_dir = dir.path().string();
    options.seed = 7;
    options.opportunities = 6000;
    const Status generated = crm::demo::GenerateDemoData(options);
    EXPECT_TRUE(generated.ok());
    auto imported = crm::ingest::ImportFolder(options.out_dir);
    EXPECT_TRUE(imported.ok()) << (imported.ok() ? "" : imported.error().message);
    return std::move(imported->data);
  }();
  return data;
}

}  // namespace crm::models::test
