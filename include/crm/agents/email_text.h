#pragma once
// The offline writer of sales emails: a subject and a body from the email facts alone, shaped by the
// email type and the tone, with phrasings chosen by a seeded choice on the account and the deal.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace crm::agents {

//! An email's subject and plain-text body.
struct EmailText {
  std::string subject;
  std::string body;
};

//! Writes the email described by the facts of EmailFacts.
EmailText WriteEmail(const nlohmann::json& facts);
//! "Subject: …", a blank line, then the body: the form a writer returns an email in.
std::string JoinEmail(const EmailText& email);
//! Splits a writer's text back into subject and body (no subject line: the whole text is the body).
EmailText SplitEmail(std::string_view text);

}  // namespace crm::agents
