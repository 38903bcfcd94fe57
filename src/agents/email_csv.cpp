#include "crm/agents/email_csv.h"

#include "crm/agents/eml_message.h"
#include "crm/agents/facts_text.h"
#include "crm/demo/csv_writer.h"

namespace crm::agents {

std::string NeutralisedCell(std::string_view cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
    return "'" + std::string(cell);
  }
  return std::string(cell);
}

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
      writer->Text(NeutralisedCell(cell));
    }
    writer->EndRow();
  }
  return writer->Close();
}

}  // namespace crm::agents
