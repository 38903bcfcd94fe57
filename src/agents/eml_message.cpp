#include "crm/agents/eml_message.h"

#include <array>
#include <cctype>

#include "crm/agents/facts_text.h"

namespace crm::agents {

namespace {

constexpr size_t kEncodedWordChars = 75;
constexpr size_t kBodyLineChars = 76;

bool PrintableAscii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

std::string Base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t chunk = static_cast<uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) chunk |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) chunk |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(chunk >> 18) & 63];
    out += kDigits[(chunk >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(chunk >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[chunk & 63] : '=';
  }
  return out;
}

//! The text with CR, LF and tabs turned into spaces, so a value cannot add header lines.
std::string OneLine(std::string_view text) {
  std::string line(text);
  for (char& c : line) c = (c == '\r' || c == '\n' || c == '\t') ? ' ' : c;
  return line;
}

//! A display name: a quoted string when ASCII, encoded words otherwise.
std::string DisplayName(std::string_view name) {
  const std::string line = OneLine(name);
  if (!PrintableAscii(line)) return EncodeHeaderText(line);
  std::string quoted = "\"";
  for (char c : line) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

//! The body with CRLF line ends (CR alone or CRLF in the text count as line ends), long lines wrapped at
//! spaces.
std::string BodyLines(std::string_view text) {
  std::string unix_text;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      unix_text += text[i];
    } else if (i + 1 == text.size() || text[i + 1] != '\n') {
      unix_text += '\n';
    }
  }
  const std::string_view body = unix_text;
  std::string out;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    while (line.size() > kBodyLineChars) {
      size_t cut = line.rfind(' ', kBodyLineChars);
      if (cut == std::string_view::npos || cut == 0) cut = line.find(' ', kBodyLineChars);
      if (cut == std::string_view::npos) break;
      out.append(line.substr(0, cut)).append("\r\n");
      line.remove_prefix(cut + 1);
    }
    out.append(line);
    if (end == body.size()) break;
    out.append("\r\n");
    start = end + 1;
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out.append("\r\n");
  return out;
}

}  // namespace

std::string PlaceholderAddress(std::string_view name) {
  std::string local;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      local += static_cast<char>(std::tolower(c));
    } else if (!local.empty() && local.back() != '.') {
      local += '.';
    }
  }
  while (!local.empty() && local.back() == '.') local.pop_back();
  return (local.empty() ? std::string("sales") : local) + "@" + std::string(kPlaceholderDomain);
}

std::string EncodeHeaderText(std::string_view text) {
  const std::string line = OneLine(text);
  if (PrintableAscii(line)) return line;
  // Each encoded word holds whole UTF-8 characters: at most 45 bytes give 60 base64 characters, and with
  // "=?UTF-8?B?" and "?=" the word stays within 75.
  constexpr size_t kWordBytes = (kEncodedWordChars - 12) / 4 * 3;
  std::string out;
  size_t at = 0;
  while (at < line.size()) {
    size_t end = std::min(line.size(), at + kWordBytes);
    while (end < line.size() && end > at && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    out +=
        (out.empty() ? "" : "\r\n ") + std::string("=?UTF-8?B?") + Base64(line.substr(at, end - at)) + "?=";
    at = end;
  }
  return out;
}

std::string Rfc5322Date(std::time_t time) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d +0000",
                kDays[static_cast<size_t>(utc.tm_wday)], utc.tm_mday,
                kMonths[static_cast<size_t>(utc.tm_mon)], utc.tm_year + 1900, utc.tm_hour, utc.tm_min,
                utc.tm_sec);
  return text;
}

std::string EmlMessage(const EmailDraft& draft, std::time_t date) {
  const std::string sender = Text(draft.facts["sender"], "name");
  const nlohmann::json& recipient = draft.facts["recipient"];
  const std::string to = Has(recipient, "to") ? Text(recipient, "to") : Text(recipient, "team");
  std::string id = draft.facts["deal"].is_object() ? Text(draft.facts["deal"], "opportunity_id")
                                                   : Text(draft.facts["account"], "name");
  std::string token;
  for (unsigned char c : id + "." + Text(draft.facts, "email_type") + "." + Text(draft.facts, "tone")) {
    token += std::isalnum(c) || c == '.' || c == '_' ? static_cast<char>(c) : '-';
  }
  std::string message;
  message += "From: " + DisplayName(sender) + " <" + PlaceholderAddress(sender) + ">\r\n";
  message += "To: " + DisplayName(to) + ":;\r\n";
  message += "Subject: " + EncodeHeaderText(draft.email.subject) + "\r\n";
  message += "Date: " + Rfc5322Date(date) + "\r\n";
  message += "Message-ID: <" + token + "." + std::to_string(static_cast<long long>(date)) + "@" +
             std::string(kPlaceholderDomain) + ">\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=UTF-8\r\n";
  message += "Content-Transfer-Encoding: 8bit\r\n";
  message += "\r\n";
  message += BodyLines(draft.email.body);
  return message;
}

}  // namespace crm::agents
