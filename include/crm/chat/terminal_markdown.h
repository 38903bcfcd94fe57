#pragma once
// Chat answers on a terminal: the markdown the web renders, shown as plain aligned text.

#include <cstddef>
#include <string>
#include <string_view>

namespace crm::chat {

//! How a terminal shows text.
struct TerminalStyle {
  size_t width = 0;    //!< columns to fit tables in; 0 when there is no limit (output is not a terminal)
  bool color = false;  //!< bold and italics as ANSI escapes; plain text when false
};

//! The style of standard output: its width and ANSI styles when it is a terminal and NO_COLOR is unset.
TerminalStyle StdoutTerminalStyle();

//! `markdown` as terminal text: backslash escapes removed, emphasis as ANSI styles (or dropped), headings
//! bold, links as "text (url)", tables as aligned columns whose widest cells are cut with "…" to fit
//! `style.width`.
std::string TerminalMarkdown(std::string_view markdown, const TerminalStyle& style);

}  // namespace crm::chat
