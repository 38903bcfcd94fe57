#pragma once
// Download names from a title: an ASCII file name safe everywhere, and the Content-Disposition header
// that carries it with the UTF-8 name as the RFC 6266 / RFC 5987 filename* variant.

#include <string>
#include <string_view>

namespace crm::exports {

//! An ASCII file name: letters, digits, '.', '_' and '-' kept, every other run of characters one '-',
//! at most 80 characters before ".extension"; "export" when nothing is left.
std::string SafeFileName(std::string_view title, std::string_view extension);
//! `attachment; filename="SAFE"; filename*=UTF-8''ENCODED` for the title and extension.
std::string ContentDisposition(std::string_view title, std::string_view extension);

}  // namespace crm::exports
