#pragma once
// UTF-8 validation of byte strings read from files.

#include <cstddef>
#include <string_view>

namespace crm {

//! True when `text` is well-formed UTF-8: no overlong forms, surrogates, code points above U+10FFFF
//! or truncated sequences. Runs of ASCII are checked eight bytes at a time.
bool IsValidUtf8(std::string_view text);

//! Number of code points in well-formed UTF-8 (continuation bytes are not counted), for aligning text.
size_t Utf8Length(std::string_view text);

}  // namespace crm
