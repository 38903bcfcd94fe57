#include "crm/agents/email_csv.h"

#include "crm/agents/eml_message.h"
#include "crm/agents/facts_text.h"
#include "crm/demo/csv_writer.h"
#include "crm/export/formula_guard.h"

namespace crm::agents {

Status WriteEmailCsv(const std::string& path, std::span<const EmailDraft> drafts) {
  auto writer = demo::CsvWriter::Create(path);
  if (!writer.ok()) return writer.error();
  for (const char* column :
       {"opportunity_id", "account", "sender", "sender_address", "email_type", "tone", "subject", "body"}) {
    writer->Text(column);
  }
  writer->EndRow();
  for (const EmailDraft& draft : drafts) {
    const nlohmann::json& deal = draft.facts["deal"];
    const std::string sender = Text(draft.facts["sender"], "name");
    for (const std::string& cell : {deal.is_object() ? Text(deal, "opportunity_id") : std::string(),
                                    Text(draft.facts["account"], "name"), sender, PlaceholderAddress(sender),
                                    Text(draft.facts, "email_type"), Text(draft.facts, "tone"),
                                    draft.email.subject, draft.email.body}) {
      writer->Text(exports::NeutralisedCell(cell));
    }
    writer->EndRow();
  }
  return writer->Close();
}

}  // namespace crm::agents
