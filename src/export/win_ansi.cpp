#include "crm/export/win_ansi.h"

#include <array>
#include <utility>

#include "crm/common/utf8.h"

namespace crm::exports {

namespace {

//! The code points that Windows-1252 places at 0x80-0x9F.
constexpr std::array<std::pair<char32_t, unsigned char>, 27> kHighSigns = {{
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86},
    {0x2021, 0x87}, {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C},
    {0x017D, 0x8E}, {0x2018, 0x91}, {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95},
    {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98}, {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B},
    {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
}};

char WinAnsi(char32_t code) {
  if (code < 0x20 || code == 0x7F) return ' ';
  if (code < 0x7F || (code >= 0xA0 && code <= 0xFF)) return static_cast<char>(code);
  if (code == 0x2010 || code == 0x2011 || code == 0x2212) return '-';  // hyphens and the minus sign
  for (const auto& [sign, byte] : kHighSigns) {
    if (sign == code) return static_cast<char>(byte);
  }
  return '?';
}

}  // namespace

std::string ToWinAnsi(std::string_view utf8) {
  std::string text;
  text.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    const char32_t code = DecodeUtf8(utf8, &pos);
    text += code == kMalformedUtf8 ? '?' : WinAnsi(code);
  }
  return text;
}

}  // namespace crm::exports
