// GET /api/v1/insights/{type}/export, POST /api/v1/export and GET /api/v1/accounts/{name}/report.pdf:
// an insight's tables, what a client shows (a chat answer and its tables) and the PDF account report,
// as downloads (Content-Disposition: attachment).
#include <cstdio>

#include "api.h"
#include "crm/analytics/engine.h"
#include "crm/common/date.h"
#include "crm/export/account_report.h"
#include "crm/export/document_json.h"
#include "crm/export/exporter.h"
#include "crm/export/file_name.h"
#include "crm/export/pdf_writer.h"
#include "http_json.h"
#include "insight_query.h"

namespace crm::server {

namespace {

//! The query parameters of an insight export besides the filters.
const std::vector<std::string>& ExportParameters() {
  static const std::vector<std::string> names = {"format", "table"};
  return names;
}

//! Sends `bytes` as an attachment named after `title`, and records the export in the audit log.
void SendDownload(const Api& api, const httplib::Request& request, httplib::Response& response,
                  std::string bytes, std::string_view content_type, std::string_view title,
                  std::string_view extension) {
  if (auto caller = api.CallerOf(request); caller.ok()) {
    api.Audit(*caller, "export",
              {{"path", request.path}, {"title", title}, {"format", extension}, {"bytes", bytes.size()}});
  }
  response.status = 200;
  response.set_header("Content-Disposition", exports::ContentDisposition(title, extension));
  response.set_content(std::move(bytes), std::string(content_type));
}

//! The export format named `name`; an Error when it is missing or unknown.
Result<exports::Format> ParseFormat(const std::string& name) {
  if (name.empty()) return Error{"format is required: one of " + std::string(exports::FormatList())};
  const auto format = exports::FormatFromName(name);
  if (!format) {
    return Error{"unknown format '" + name + "'; known: " + std::string(exports::FormatList())};
  }
  return *format;
}

//! Sends `document` in `format`; 400 when the format cannot hold it.
void SendDocument(const Api& api, const httplib::Request& request, httplib::Response& response,
                  const exports::Document& document, exports::Format format) {
  auto bytes = exports::ExportBytes(document, format);
  if (!bytes.ok()) return SendError(response, 400, bytes.error().message);
  SendDownload(api, request, response, std::move(bytes).value(), exports::ContentType(format), document.title,
               exports::FormatName(format));
}

//! The tables of the insight `type` for the request's filters, all or the one named by `table`.
void ExportInsight(Api& api, const std::string& type, const httplib::Request& request,
                   httplib::Response& response) {
  if (!IsInsightType(type)) {
    return SendError(response, 400, "unknown insight type '" + type + "'; known: " + TypeList());
  }
  for (const std::string& name : ExportParameters()) {
    if (request.get_param_value_count(name) > 1) {
      return SendError(response, 400, "query parameter '" + name + "' is repeated");
    }
  }
  const auto format = ParseFormat(request.get_param_value("format"));
  if (!format.ok()) return SendError(response, 400, format.error().message);
  auto filters = BindFilters(request, ExportParameters());
  if (!filters.ok()) return SendError(response, 400, filters.error().message);
  const access::Workspace* workspace = api.WorkspaceFor(request, response);
  if (!workspace) return;
  auto insight = workspace->agents().engine().Run(type, *filters);
  if (!insight.ok()) return SendError(response, 400, insight.error().message);
  exports::Document document{type, "", {}};
  const std::string table = request.get_param_value("table");
  if (table.empty()) {
    document.tables = insight->tables;
  } else if (const analytics::Table* found = insight->FindTable(table)) {
    document.tables.push_back(*found);
    document.title += " " + table;
  } else {
    std::string known;
    for (const analytics::Table& one : insight->tables) known += (known.empty() ? "" : ", ") + one.name;
    return SendError(response, 400, "insight " + type + " has no table '" + table + "'; tables: " + known);
  }
  document.title += " " + FormatIsoDate(insight->as_of);
  SendDocument(api, request, response, document, *format);
}

//! The document of a POST /api/v1/export body and its format.
void ExportPosted(const Api& api, const httplib::Request& request, httplib::Response& response) {
  if (!HasJsonContentType(request)) {
    return SendError(response, 415, "send the export as JSON (Content-Type: application/json)");
  }
  auto body = ParseJsonObject(request);
  if (!body.ok()) return SendError(response, 400, body.error().message);
  auto format_name = StringMember(*body, "format");
  if (!format_name.ok()) return SendError(response, 400, format_name.error().message);
  const auto format = ParseFormat(*format_name);
  if (!format.ok()) return SendError(response, 400, format.error().message);
  auto document = exports::DocumentFromJson(*body);
  if (!document.ok()) return SendError(response, 400, document.error().message);
  if (document->title.empty()) document->title = "export";
  SendDocument(api, request, response, *document, *format);
}

}  // namespace

void AddExportRoutes(RouteTable& routes, Api& api) {
  std::vector<std::string> query = FilterNames();
  query.insert(query.end(), ExportParameters().begin(), ExportParameters().end());
  routes.Add({"GET", "/api/v1/insights/([^/]+)/export", "/api/v1/insights/{type}/export",
              "an insight's tables (all, or the one named by table) as format=csv|xlsx|json|md, with the "
              "insight's filters",
              query},
             [&api](const httplib::Request& request, httplib::Response& response) {
               ExportInsight(api, request.matches[1], request, response);
             });
  routes.Add({"POST",
              "/api/v1/export",
              "/api/v1/export",
              "a client's answer and tables, {format, title, markdown, tables: [{name, columns, rows}]}, "
              "as a download",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               ExportPosted(api, request, response);
             });
  routes.Add({"GET",
              "/api/v1/accounts/(.+)/report\\.pdf",
              "/api/v1/accounts/{name}/report.pdf",
              "the PDF account report: key figures, health, charts, open deals, risks, actions, all deals",
              {}},
             [&api](const httplib::Request& request, httplib::Response& response) {
               const auto account = api.AccountFor(request, response);
               if (!account) return;
               const exports::Report report =
                   exports::AccountReport(account->first->agents(), account->second);
               auto pdf = exports::PdfBytes(report);
               if (!pdf.ok()) {
                 std::fprintf(stderr, "error: %s: %s\n", request.path.c_str(), pdf.error().message.c_str());
                 return SendError(response, 500, "the PDF report could not be written");
               }
               SendDownload(api, request, response, std::move(pdf).value(), "application/pdf",
                            report.title + " report", "pdf");
             });
}

}  // namespace crm::server
