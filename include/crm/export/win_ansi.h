#pragma once
// UTF-8 to Windows-1252 ("WinAnsiEncoding"), the encoding of the PDF base fonts: Latin-1 letters and the
// typographic signs of 0x80-0x9F are transcoded, control characters become spaces, and every other
// character (and every malformed byte) becomes '?'.

#include <string>
#include <string_view>

namespace crm::exports {

//! `utf8` in Windows-1252; never fails.
std::string ToWinAnsi(std::string_view utf8);

}  // namespace crm::exports
