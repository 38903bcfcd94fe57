#include "crm/store/import_record.h"

#include <nlohmann/json.hpp>

namespace crm::store {

namespace {

using Json = nlohmann::json;

bool ReadString(const Json& object, const char* key, std::string& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool ReadInteger(const Json& object, const char* key, int64_t& out) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return false;
  out = it->get<int64_t>();
  return true;
}

}  // namespace

std::string ImportedFilesToJson(const std::vector<ImportedFile>& files) {
  Json array = Json::array();
  for (const ImportedFile& file : files) {
    array.push_back({{"name", file.name},
                     {"sha256", file.sha256},
                     {"rows_read", file.rows_read},
                     {"rows_kept", file.rows_kept},
                     {"rows_dropped", file.rows_dropped}});
  }
  return array.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::vector<ImportedFile>> ImportedFilesFromJson(std::string_view json) {
  const Json array = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!array.is_array()) return Error{"the file list is not a JSON array"};
  std::vector<ImportedFile> files;
  files.reserve(array.size());
  for (const Json& object : array) {
    ImportedFile file;
    if (!object.is_object() || !ReadString(object, "name", file.name) ||
        !ReadString(object, "sha256", file.sha256) || !ReadInteger(object, "rows_read", file.rows_read) ||
        !ReadInteger(object, "rows_kept", file.rows_kept) ||
        !ReadInteger(object, "rows_dropped", file.rows_dropped)) {
      return Error{"file entry " + std::to_string(files.size() + 1) +
                   " needs name, sha256, rows_read, rows_kept and rows_dropped"};
    }
    files.push_back(std::move(file));
  }
  return files;
}

}  // namespace crm::store
