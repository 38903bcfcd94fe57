#pragma once
// UTF-8 validation of byte strings read from files.

#include <cstddef>
#include <string>
#include <string_view>

namespace crm {

//! True when `text` is well-formed UTF-8: no overlong forms, surrogates, code points above U+10FFFF
//! or truncated sequences. Runs of ASCII are checked eight bytes at a time.
bool IsValidUtf8(std::string_view text);

//! Number of code points in well-formed UTF-8 (continuation bytes are not counted), for aligning text.
size_t Utf8Length(std::string_view text);

//! What DecodeUtf8 returns for a malformed sequence.
inline constexpr char32_t kMalformedUtf8 = 0xFFFFFFFF;
//! The code point that starts at text[*pos], advancing *pos past it; kMalformedUtf8 for a malformed
//! sequence, advancing *pos by one byte.
char32_t DecodeUtf8(std::string_view text, size_t* pos);
//! `text` with every malformed byte replaced by U+FFFD (the text itself when it is well-formed).
std::string ToValidUtf8(std::string_view text);

}  // namespace crm
