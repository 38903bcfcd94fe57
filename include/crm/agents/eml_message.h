#pragma once
// Drafted emails as RFC 5322 messages (.eml files): UTF-8 plain text, CRLF line ends, RFC 2047 encoded
// headers when not ASCII. The data has no email addresses, so the sender's address is built at the
// reserved `.invalid` domain (RFC 2606), which can never be delivered: the user must replace it.

#include <ctime>
#include <string>
#include <string_view>

#include "crm/agents/email_draft.h"

namespace crm::agents {

//! The placeholder domain of every address this program writes.
inline constexpr std::string_view kPlaceholderDomain = "crm-assistant.invalid";

//! "anna.snelling@crm-assistant.invalid" for "Anna Snelling" (letters and digits kept, lower case).
std::string PlaceholderAddress(std::string_view name);
//! The text as is when printable ASCII, else RFC 2047 "B" encoded words of UTF-8 (each at most 75
//! characters, folded onto continuation lines); line breaks become spaces either way.
std::string EncodeHeaderText(std::string_view text);
//! "Mon, 01 Jan 2018 09:00:00 +0000" for a UTC time.
std::string Rfc5322Date(std::time_t time);
//! The whole message with CRLF line ends: From, To (the account's team as an empty group: no address is
//! known), Subject, Date, Message-ID, MIME headers, a blank line and the body.
std::string EmlMessage(const EmailDraft& draft, std::time_t date);

}  // namespace crm::agents
