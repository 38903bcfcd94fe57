#include "crm/nlu/message_vocabulary.h"

#include <initializer_list>
#include <string>

namespace crm::nlu {

namespace {

void AddAll(PhraseTable& table, const std::string& key, const std::string& value,
            std::initializer_list<const char*> phrases) {
  for (const char* phrase : phrases) table.Add(phrase, key, value);
}

PhraseTable BuildMessagePhrases() {
  PhraseTable table;
  AddAll(table, "email_type", "follow_up", {"follow up", "following up", "follow ups"});
  AddAll(table, "email_type", "introduction",
         {"intro", "introduce", "introducing", "introduction", "introductory", "first email", "cold email"});
  AddAll(table, "email_type", "proposal", {"proposal", "quote", "offer"});
  AddAll(table, "email_type", "check_in", {"check in", "checking in", "touch base", "touching base"});
  AddAll(table, "email_type", "closing", {"closing email", "close the deal", "seal the deal", "final push"});
  AddAll(table, "email_type", "re_engagement",
         {"win back", "win them back", "re engage", "re engagement", "reconnect", "revive", "gone quiet",
          "gone cold", "went quiet", "went cold"});
  AddAll(table, "tone", "professional", {"professional", "formal", "businesslike"});
  AddAll(table, "tone", "friendly", {"friendly", "warm", "casual", "upbeat"});
  AddAll(table, "tone", "urgent", {"urgent", "urgently", "asap", "time sensitive", "pressing"});
  AddAll(table, "tone", "consultative", {"consultative", "advisory", "consultant style"});
  return table;
}

}  // namespace

const PhraseTable& MessagePhrases() {
  static const PhraseTable table = BuildMessagePhrases();
  return table;
}

}  // namespace crm::nlu
