#include "crm/agents/email_kinds.h"

#include "crm/ingest/text_cleaning.h"

namespace crm::agents {

namespace {

template <typename Kind, typename NameOf>
std::optional<Kind> FromName(const std::vector<Kind>& kinds, NameOf name_of, std::string_view name) {
  const std::string wanted = ingest::ToLowerAscii(name);
  for (Kind kind : kinds) {
    if (name_of(kind) == wanted) return kind;
  }
  return std::nullopt;
}

template <typename Kind, typename NameOf>
std::string List(const std::vector<Kind>& kinds, NameOf name_of) {
  std::string list;
  for (Kind kind : kinds) list += (list.empty() ? "" : ", ") + std::string(name_of(kind));
  return list;
}

}  // namespace

const std::vector<EmailType>& AllEmailTypes() {
  static const std::vector<EmailType> kTypes = {EmailType::kFollowUp, EmailType::kIntroduction,
                                                EmailType::kProposal, EmailType::kCheckIn,
                                                EmailType::kClosing,  EmailType::kReEngagement};
  return kTypes;
}

const std::vector<Tone>& AllTones() {
  static const std::vector<Tone> kTones = {Tone::kProfessional, Tone::kFriendly, Tone::kUrgent,
                                           Tone::kConsultative};
  return kTones;
}

std::string_view EmailTypeName(EmailType type) {
  switch (type) {
    case EmailType::kFollowUp:
      return "follow_up";
    case EmailType::kIntroduction:
      return "introduction";
    case EmailType::kProposal:
      return "proposal";
    case EmailType::kCheckIn:
      return "check_in";
    case EmailType::kClosing:
      return "closing";
    case EmailType::kReEngagement:
      return "re_engagement";
  }
  return "";
}

std::string_view ToneName(Tone tone) {
  switch (tone) {
    case Tone::kProfessional:
      return "professional";
    case Tone::kFriendly:
      return "friendly";
    case Tone::kUrgent:
      return "urgent";
    case Tone::kConsultative:
      return "consultative";
  }
  return "";
}

std::optional<EmailType> EmailTypeFromName(std::string_view name) {
  return FromName(AllEmailTypes(), EmailTypeName, name);
}

std::optional<Tone> ToneFromName(std::string_view name) { return FromName(AllTones(), ToneName, name); }

std::string EmailTypeList() { return List(AllEmailTypes(), EmailTypeName); }

std::string ToneList() { return List(AllTones(), ToneName); }

}  // namespace crm::agents
