#pragma once
// What the benchmark programs share: the dataset of a CSV folder, imported before anything is timed.

#include <iostream>
#include <optional>
#include <string>
#include <utility>

#include "crm/ingest/importer.h"

namespace crm::bench {

//! The dataset imported from `folder`; nullopt after printing "error: <message>" on stderr.
inline std::optional<Dataset> ImportOrReport(const std::string& folder) {
  auto imported = ingest::ImportFolder(folder);
  if (!imported.ok()) {
    std::cerr << "error: " << imported.error().message << '\n';
    return std::nullopt;
  }
  return std::move(imported->data);
}

}  // namespace crm::bench
