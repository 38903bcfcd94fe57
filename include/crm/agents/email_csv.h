#pragma once
// Drafted emails as one CSV file (RFC 4180 quoting, CRLF rows), with cells that a spreadsheet would run
// as a formula neutralised by a leading apostrophe (exports::NeutralisedCell).

#include <span>
#include <string>

#include "crm/agents/email_draft.h"
#include "crm/common/result.h"

namespace crm::agents {

//! Writes opportunity_id, account, sender, sender_address, email_type, tone, subject, body per draft.
Status WriteEmailCsv(const std::string& path, std::span<const EmailDraft> drafts);

}  // namespace crm::agents
