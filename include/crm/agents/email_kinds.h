#pragma once
// The email types and tones of CONTRACTS.md, with their contract names.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crm::agents {

//! What an email is for.
enum class EmailType { kFollowUp, kIntroduction, kProposal, kCheckIn, kClosing, kReEngagement };
//! How an email sounds.
enum class Tone { kProfessional, kFriendly, kUrgent, kConsultative };

//! Every email type, in contract order.
const std::vector<EmailType>& AllEmailTypes();
//! Every tone, in contract order.
const std::vector<Tone>& AllTones();
//! "follow_up", "introduction", …
std::string_view EmailTypeName(EmailType type);
//! "professional", "friendly", …
std::string_view ToneName(Tone tone);
//! The type with this contract name (case-insensitive), or nullopt.
std::optional<EmailType> EmailTypeFromName(std::string_view name);
//! The tone with this contract name (case-insensitive), or nullopt.
std::optional<Tone> ToneFromName(std::string_view name);
//! "follow_up, introduction, …" for usage errors.
std::string EmailTypeList();
//! "professional, friendly, …" for usage errors.
std::string ToneList();

}  // namespace crm::agents
