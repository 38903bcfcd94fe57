// `crm-assistant import DIR [--strict]`: validate, clean and store a folder of CSV files.
#include "cli_context.h"

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "crm/ingest/importer.h"
#include "crm/report/data_summary.h"
#include "crm/store/store.h"
#include "crm/store/timestamp.h"

namespace crm::cli {

namespace {

//! The import history entry of an import.
store::ImportRecord HistoryRecord(const ingest::ImportReport& report, std::string started_at) {
  store::ImportRecord record;
  record.started_at = std::move(started_at);
  record.finished_at = store::UtcTimestampNow();
  record.source = report.source;
  record.files = report.files;
  record.report_json = report.ToJson().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return record;
}

}  // namespace

Command ImportCommand(const GlobalOptions& options) {
  auto folder = std::make_shared<std::string>();
  auto strict = std::make_shared<bool>(false);
  return {"import",
          "Validate, clean and store a folder of CRM CSV files (replaces the stored data in one transaction)",
          {{"DIR",
            "folder with accounts.csv, products.csv, sales_teams.csv, sales_pipeline.csv and optionally "
            "activities.csv",
            folder.get(), true},
           {"--strict", "fail on the first problem instead of dropping bad rows", strict.get()}},
          [&options, folder, strict]() -> int {
            const std::string started_at = store::UtcTimestampNow();
            auto imported = ingest::ImportFolder(*folder, {.strict = *strict});
            if (!imported.ok()) return Fail(imported.error());
            auto store = store::Store::Open(StorePath(options));
            if (!store.ok()) return Fail(store.error());
            auto id = (*store)->ReplaceAll(imported->data, HistoryRecord(imported->report, started_at));
            if (!id.ok()) return Fail(id.error());
            if (options.json) {
              nlohmann::json summary = report::DataSummaryJson(imported->data, imported->report);
              summary["import_id"] = *id;
              summary["db"] = (*store)->path();
              PrintJson(summary);
            } else {
              std::cout << report::DataSummaryText(imported->data, imported->report) << "\nImported into "
                        << (*store)->path() << " (import #" << *id << ")\n";
            }
            return 0;
          }};
}

}  // namespace crm::cli
