#include "crm/export/sheet_names.h"

#include <cctype>

#include "crm/common/utf8.h"

namespace crm::exports {

namespace {

//! Longest sheet name Excel accepts, in characters.
constexpr size_t kMaxSheetChars = 31;

//! The first `chars` code points of valid UTF-8 `text`.
std::string FirstChars(std::string_view text, size_t chars) {
  size_t pos = 0;
  for (size_t n = 0; n < chars && pos < text.size(); ++n) DecodeUtf8(text, &pos);
  return std::string(text.substr(0, pos));
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

//! `wanted` with forbidden and control characters replaced and the apostrophes at either end removed.
std::string Cleaned(std::string_view wanted) {
  std::string name = ToValidUtf8(wanted);
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
        static_cast<unsigned char>(c) < 0x20) {
      c = '_';
    }
  }
  while (!name.empty() && (name.front() == '\'' || name.front() == ' ')) name.erase(0, 1);
  while (!name.empty() && (name.back() == '\'' || name.back() == ' ')) name.pop_back();
  return name;
}

}  // namespace

std::string SheetNames::Next(std::string_view wanted) {
  std::string base = FirstChars(Cleaned(wanted), kMaxSheetChars);
  while (!base.empty() && base.back() == '\'') base.pop_back();
  if (base.empty() || Lower(base) == "history") base = "Sheet " + std::to_string(taken_.size() + 1);
  std::string name = base;
  for (int copy = 2; taken_.count(Lower(name)) > 0; ++copy) {
    const std::string suffix = " (" + std::to_string(copy) + ")";
    name = FirstChars(base, kMaxSheetChars - suffix.size()) + suffix;
  }
  taken_.insert(Lower(name));
  return name;
}

}  // namespace crm::exports
