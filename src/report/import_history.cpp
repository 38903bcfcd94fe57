// The import history with each import's cleaning counted: fixed, flagged, dropped.
#include "crm/report/import_history.h"

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "crm/ingest/import_report.h"

namespace crm::report {

namespace {

//! The report stored as `json`; nullopt when it is damaged.
std::optional<ingest::ImportReport> ReadReport(const std::string& json) {
  const nlohmann::json stored = nlohmann::json::parse(json, nullptr, false);
  if (!stored.is_object()) return std::nullopt;
  try {
    return ingest::ImportReport::FromJson(stored);
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

//! One import as JSON.
nlohmann::json ImportJson(const store::ImportRecord& record) {
  nlohmann::json entry = {{"id", record.id},
                          {"started_at", record.started_at},
                          {"finished_at", record.finished_at},
                          {"source", record.source},
                          {"files", nlohmann::json::parse(store::ImportedFilesToJson(record.files))}};
  int64_t dropped = 0;
  for (const store::ImportedFile& file : record.files) dropped += file.rows_dropped;
  entry["dropped"] = dropped;
  const std::optional<ingest::ImportReport> report = ReadReport(record.report_json);
  if (!report) {
    entry["report"] = nullptr;
    entry["report_note"] = "the stored cleaning report of this import is damaged";
    return entry;
  }
  int64_t fixed = 0;
  for (const ingest::CleaningEntry& cleaning : report->cleaning) {
    if (cleaning.kind != "outlier") fixed += cleaning.count;
  }
  entry["fixed"] = fixed;
  entry["flagged"] = report->outliers_total;
  entry["problems"] = static_cast<int64_t>(report->problems.size()) + report->problems_not_listed;
  entry["report"] = report->ToJson();
  return entry;
}

}  // namespace

nlohmann::json ImportHistoryJson(const std::vector<store::ImportRecord>& records) {
  nlohmann::json imports = nlohmann::json::array();
  for (const store::ImportRecord& record : records) imports.push_back(ImportJson(record));
  return {{"imports", std::move(imports)}};
}

}  // namespace crm::report
