// `crm-assistant insight TYPE [filters]`: one insight of the analytics engine.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/agents/narrative.h"
#include "crm/analytics/engine.h"
#include "crm/common/date.h"
#include "crm/export/exporter.h"
#include "crm/models/probability_source.h"

namespace crm::cli {

namespace {

//! "--regional-office" for "regional_office".
std::string OptionName(std::string_view field) {
  std::string name = "--" + std::string(field);
  for (char& c : name) c = c == '_' ? '-' : c;
  return name;
}

//! "regional office" for "regional_office".
std::string Words(std::string_view field) {
  std::string words(field);
  for (char& c : words) c = c == '_' ? ' ' : c;
  return words;
}

std::string TypeList() {
  std::string list;
  for (const std::string& type : analytics::InsightTypes()) list += (list.empty() ? "" : ", ") + type;
  return list;
}

}  // namespace

Command InsightCommand(const GlobalOptions& options) {
  struct State {
    std::string type;
    analytics::FilterRequest request;
    bool narrative = false;
    std::string export_path;
  };
  auto state = std::make_shared<State>();
  Command command{"insight", "Compute an insight: " + TypeList(), {}, nullptr};
  command.options.push_back({"TYPE", "insight type: " + TypeList(), &state->type, true});
  for (const auto& [field, target] : state->request.Fields()) {
    const std::string help = field == "period" ? "year, quarter or month: 2017, 2017-Q3, 2017-07"
                             : field == "top"  ? "number of rows in ranked tables"
                             : field == "by" ? "grouping dimension (deal_stage, product, sector, month, …)"
                             : field == "as_of"
                                 ? "measure ages to this date, YYYY-MM-DD (default: latest date in the data)"
                                 : "only deals of this " + Words(field);
    command.options.push_back({OptionName(field), help, target});
  }
  command.options.push_back(
      {"--narrative", "add the key findings and recommendations in words", &state->narrative});
  command.options.push_back({"--export",
                             "write the tables (and the narrative) to FILE: .csv, .xlsx, .json or .md",
                             &state->export_path});
  command.run = [&options, state]() -> int {
    const auto& types = analytics::InsightTypes();
    if (std::find(types.begin(), types.end(), state->type) == types.end()) {
      std::fprintf(stderr, "error: unknown insight type '%s'; known: %s\n", state->type.c_str(),
                   TypeList().c_str());
      return 2;
    }
    const auto format = exports::FormatFromPath(state->export_path);
    if (!state->export_path.empty() && !format) {
      std::fprintf(stderr, "error: --export %s: the file name must end in .csv, .xlsx, .json or .md\n",
                   state->export_path.c_str());
      return 2;
    }
    auto loaded = LoadData(options);
    if (!loaded.ok()) return Fail(loaded.error());
    auto models = LoadModels(options, loaded->data);
    if (!models.ok()) return Fail(models.error());
    const analytics::Engine engine(
        loaded->data, models::ModelSourcesFor(
                          loaded->data, std::make_shared<const models::ModelSet>(std::move(models).value())));
    auto insight = engine.Run(state->type, state->request);
    if (!insight.ok()) return Fail(insight.error());
    std::string narrative;
    if (state->narrative) {
      auto writer = ConfiguredWriter();
      if (!writer.ok()) return Fail(writer.error());
      narrative = agents::NarrateInsight(*insight, **writer).text.text;
    }
    if (format) {
      const exports::Document document{state->type + " " + FormatIsoDate(insight->as_of), narrative,
                                       insight->tables};
      auto bytes = exports::ExportBytes(document, *format);
      if (!bytes.ok()) return Fail(bytes.error());
      const Status written = exports::WriteExportFile(state->export_path, *bytes);
      if (!written.ok()) return Fail(written.error());
      if (options.json) {
        PrintJson({{"file", state->export_path},
                   {"format", exports::FormatName(*format)},
                   {"bytes", bytes->size()}});
      } else {
        std::cout << "Wrote " << state->export_path << "\n";
      }
    } else if (options.json) {
      nlohmann::json document = analytics::InsightJson(*insight);
      if (state->narrative) document["narrative"] = narrative;
      PrintJson(document);
    } else {
      std::cout << narrative << (narrative.empty() ? "" : "\n") << analytics::InsightText(*insight);
    }
    return 0;
  };
  return command;
}

}  // namespace crm::cli
