#include "crm/nlu/message_vocabulary.h"

#include <string>

namespace crm::nlu {

namespace {

PhraseTable BuildMessagePhrases() {
  PhraseTable table;
  table.Add({"follow up", "following up", "follow ups"}, "email_type", "follow_up");
  table.Add(
      {"intro", "introduce", "introducing", "introduction", "introductory", "first email", "cold email"},
      "email_type", "introduction");
  table.Add({"proposal", "quote", "offer"}, "email_type", "proposal");
  table.Add({"check in", "checking in", "touch base", "touching base"}, "email_type", "check_in");
  table.Add({"closing email", "close the deal", "seal the deal", "final push"}, "email_type", "closing");
  table.Add({"win back", "win them back", "re engage", "re engagement", "reconnect", "revive", "gone quiet",
             "gone cold", "went quiet", "went cold"},
            "email_type", "re_engagement");
  table.Add({"professional", "formal", "businesslike"}, "tone", "professional");
  table.Add({"friendly", "warm", "casual", "upbeat"}, "tone", "friendly");
  table.Add({"urgent", "urgently", "asap", "time sensitive", "pressing"}, "tone", "urgent");
  table.Add({"consultative", "advisory", "consultant style"}, "tone", "consultative");
  return table;
}

}  // namespace

const PhraseTable& MessagePhrases() {
  static const PhraseTable table = BuildMessagePhrases();
  return table;
}

}  // namespace crm::nlu
