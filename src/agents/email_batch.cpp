#include "crm/agents/email_batch.h"

#include <cctype>
#include <filesystem>
#include <fstream>

#include "crm/agents/email_csv.h"
#include "crm/agents/email_draft.h"
#include "crm/agents/eml_message.h"
#include "crm/analytics/query_context.h"
#include "crm/analytics/snapshot.h"

namespace crm::agents {

namespace {

//! A file name from an opportunity id: letters, digits, '-' and '_' kept.
std::string FileStem(std::string_view id) {
  std::string stem;
  for (unsigned char c : id) stem += std::isalnum(c) || c == '-' || c == '_' ? static_cast<char>(c) : '_';
  return stem.empty() ? std::string("email") : stem;
}

Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream file(path, std::ios::binary);
  file << text;
  file.close();
  if (!file) return Error{"cannot write " + path};
  return Status::Ok();
}

}  // namespace

Result<std::vector<int32_t>> OpenDealsMatching(const AgentContext& context,
                                               const analytics::FilterRequest& filters) {
  auto filter = analytics::ResolveFilters(context.data(), filters, context.as_of());
  if (!filter.ok()) return filter.error();
  const analytics::PipelineSnapshot snapshot(context.data(), filter->as_of, context.as_of());
  std::vector<int32_t> open;
  for (int32_t row : analytics::SelectDeals(context.data(), snapshot, *filter)) {
    if (!IsClosed(snapshot.Stage(row))) open.push_back(row);
  }
  return open;
}

Result<BatchResult> WriteEmailBatch(const AgentContext& context, const std::vector<int32_t>& deals,
                                    const BatchOptions& options, const llm::TextWriter& writer,
                                    const std::function<void(size_t done)>& progress) {
  std::error_code error;
  std::filesystem::create_directories(options.out_dir, error);
  if (error) return Error{"cannot create " + options.out_dir + ": " + error.message()};
  BatchResult result;
  std::vector<EmailDraft> drafts;
  for (size_t i = 0; i < deals.size(); ++i) {
    EmailRequest request;
    request.deal = deals[i];
    request.type = options.type;
    request.tone = options.tone;
    request.product = options.product;
    const std::string id(context.data().opportunities.id[deals[i]]);
    auto draft = DraftEmail(context, request, writer);
    if (!draft.ok()) {
      result.skipped.push_back(id + ": " + draft.error().message);
    } else if (options.format == BatchFormat::kEml) {
      const std::string path = (std::filesystem::path(options.out_dir) / (FileStem(id) + ".eml")).string();
      if (Status written = WriteText(path, EmlMessage(*draft, options.date)); !written.ok())
        return written.error();
      result.files.push_back(path);
      ++result.drafted;
    } else {
      drafts.push_back(std::move(draft).value());
      ++result.drafted;
    }
    if (progress) progress(i + 1);
  }
  if (options.format == BatchFormat::kCsv) {
    const std::string path = (std::filesystem::path(options.out_dir) / "emails.csv").string();
    if (Status written = WriteEmailCsv(path, drafts); !written.ok()) return written.error();
    result.files.push_back(path);
  }
  return result;
}

}  // namespace crm::agents
