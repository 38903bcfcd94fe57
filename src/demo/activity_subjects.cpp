#include "crm/demo/activity_subjects.h"

#include <array>

namespace crm::demo {

namespace {

// A subject template: {P} stands for the product, {A} for the account.
struct SubjectTemplate {
  std::string_view with_account;
  std::string_view without_account;
};

constexpr std::array<std::array<SubjectTemplate, kSubjectVariants>, 4> kTemplates{{
    {{{"Discovery call with {A}", "Discovery call with a new lead"},
      {"Follow-up call on {P}", "Follow-up call on {P}"},
      {"Call about {P} pricing, scope and timeline", "Call about {P} pricing, scope and timeline"}}},
    {{{"Sent {P} proposal to {A}", "Sent {P} proposal"},
      {"Re: \"{P}\" quote", "Re: \"{P}\" quote"},
      {"Intro email, {P} overview", "Intro email, {P} overview"}}},
    {{{"Meeting with {A} stakeholders", "Meeting with lead stakeholders"},
      {"Contract review for {P}", "Contract review for {P}"},
      {"On-site visit, {P} rollout plan", "On-site visit, {P} rollout plan"}}},
    {{{"Demo of {P} for {A} team", "Demo of {P} for the lead's team"},
      {"{P} hands-on demo", "{P} hands-on demo"},
      {"Remote demo of {P}", "Remote demo of {P}"}}},
}};

}  // namespace

std::string_view ActivityTypeName(ActivityType type) {
  static constexpr std::array<std::string_view, 4> kNames{"call", "email", "meeting", "demo"};
  return kNames[static_cast<int>(type)];
}

void ComposeSubject(ActivityType type, int variant, std::string_view product, std::string_view account,
                    std::string& out) {
  const SubjectTemplate& choice = kTemplates[static_cast<int>(type)][variant];
  const std::string_view text = account.empty() ? choice.without_account : choice.with_account;
  out.clear();
  size_t start = 0;
  for (size_t open = text.find('{'); open != std::string_view::npos; open = text.find('{', start)) {
    out += text.substr(start, open - start);
    out += text[open + 1] == 'P' ? product : account;
    start = open + 3;  // past "{P}" or "{A}"
  }
  out += text.substr(start);
}

}  // namespace crm::demo
