#include "crm/export/exporter.h"

#include <fstream>

#include "crm/export/csv_export.h"
#include "crm/export/document_json.h"
#include "crm/export/markdown_export.h"
#include "crm/export/xlsx_export.h"

namespace crm::exports {

Result<std::string> ExportBytes(const Document& document, Format format) {
  switch (format) {
    case Format::kCsv:
      return CsvBytes(document);
    case Format::kXlsx:
      return XlsxBytes(document);
    case Format::kJson:
      return DocumentJson(document).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    case Format::kMarkdown:
      return MarkdownText(document);
  }
  return Error{"unknown export format"};
}

Status WriteExportFile(const std::string& path, std::string_view bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Error{"cannot write " + path};
  return Status::Ok();
}

}  // namespace crm::exports
