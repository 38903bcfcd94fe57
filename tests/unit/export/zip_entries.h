#pragma once
// A small zip reader for the tests: the entries of an archive held in memory, read through its central
// directory and inflated with zlib, so that an XLSX file's XML can be checked.

#include <map>
#include <string>

#include "crm/common/result.h"

namespace crm::exports::test {

//! Every entry of the zip archive `bytes`, name → contents; an Error when it is not a valid archive.
Result<std::map<std::string, std::string>> ZipEntries(const std::string& bytes);

}  // namespace crm::exports::test
