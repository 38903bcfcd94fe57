#pragma once
// Drafted emails as one CSV file (RFC 4180 quoting, CRLF rows), with cells that a spreadsheet would run
// as a formula neutralised by a leading apostrophe.

#include <span>
#include <string>
#include <string_view>

#include "crm/agents/email_draft.h"
#include "crm/common/result.h"

namespace crm::agents {

//! The cell with a leading apostrophe when it starts with '=', '+', '-', '@', a tab or CR.
std::string NeutralisedCell(std::string_view cell);
//! Writes opportunity_id, account, sender, sender_address, email_type, tone, subject, body per draft.
Status WriteEmailCsv(const std::string& path, std::span<const EmailDraft> drafts);

}  // namespace crm::agents
