#include "agents_fixture.h"

#include <gtest/gtest.h>

#include "crm/ingest/importer.h"
#include "support/test_support.h"

namespace crm::agents::test {

AgentWorld MakeWorld(Dataset data) {
  AgentWorld world{std::make_unique<Dataset>(std::move(data)), nullptr};
  auto context = AgentContext::Build(*world.data, nullptr);
  EXPECT_TRUE(context.ok()) << (context.ok() ? "" : context.error().message);
  if (context.ok()) world.context = std::move(context).value();
  return world;
}

const AgentWorld& KaggleWorld() {
  static const AgentWorld world = [] {
    if (crm::test::SharedDataDir().empty()) return AgentWorld{};
    auto imported = ingest::ImportFolder(crm::test::SharedDataDir());
    if (!imported.ok()) return AgentWorld{};
    return MakeWorld(std::move(imported->data));
  }();
  return world;
}

}  // namespace crm::agents::test
