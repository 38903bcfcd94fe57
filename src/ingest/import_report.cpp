#include "crm/ingest/import_report.h"

#include <nlohmann/json.hpp>

namespace crm::ingest {

using nlohmann::json;

std::string RowProblem::ToString() const {
  std::string text = file + ":" + std::to_string(line) + ": ";
  if (!field.empty()) text += field + ": ";
  text += message;
  text += dropped ? "; row dropped" : "; row kept";
  return text;
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CleaningEntry, kind, file, field, from, to, count)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RowProblem, file, line, field, message, dropped)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(OutlierFlag, file, line, field, record, group, value, low_fence,
                                   high_fence)

json ImportReport::ToJson() const {
  return json{{"source", source},
              {"files", json::parse(store::ImportedFilesToJson(files))},
              {"cleaning", cleaning},
              {"problems", problems},
              {"problems_not_listed", problems_not_listed},
              {"warnings", warnings},
              {"outliers", outliers},
              {"outliers_total", outliers_total}};
}

ImportReport ImportReport::FromJson(const json& value) {
  ImportReport report;
  report.source = value.value("source", "");
  if (auto files = store::ImportedFilesFromJson(value.value("files", json::array()).dump()); files.ok()) {
    report.files = std::move(*files);
  }
  report.cleaning = value.value("cleaning", std::vector<CleaningEntry>{});
  report.problems = value.value("problems", std::vector<RowProblem>{});
  report.problems_not_listed = value.value("problems_not_listed", int64_t{0});
  report.warnings = value.value("warnings", std::vector<std::string>{});
  report.outliers = value.value("outliers", std::vector<OutlierFlag>{});
  report.outliers_total = value.value("outliers_total", int64_t{0});
  return report;
}

std::vector<std::string> ImportReport::WarningLines() const {
  std::vector<std::string> lines = warnings;
  for (const RowProblem& problem : problems) lines.push_back(problem.ToString());
  if (problems_not_listed > 0) {
    lines.push_back(std::to_string(problems_not_listed) + " more row problems not listed");
  }
  return lines;
}

int64_t ImportReport::RowsDropped() const {
  int64_t dropped = 0;
  for (const FileReport& file : files) dropped += file.rows_dropped;
  return dropped;
}

}  // namespace crm::ingest
