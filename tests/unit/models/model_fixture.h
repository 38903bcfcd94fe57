#pragma once
// Data sets the model tests share: generated demo data (with its planted signal, see docs/DEMO_DATA.md),
// built once per test program.

#include "crm/data/dataset.h"

namespace crm::models::test {

//! 6,000 demo opportunities with activities (seed 7), imported as `import` would.
const Dataset& DemoDataset();

}  // namespace crm::models::test
