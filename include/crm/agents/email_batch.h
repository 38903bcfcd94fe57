#pragma once
// Bulk email drafting: one email per open deal (Prospecting or Engaging) that matches insight filters,
// written as .eml files or one CSV file.

#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "crm/agents/agent_context.h"
#include "crm/agents/email_kinds.h"
#include "crm/analytics/filters.h"
#include "crm/common/result.h"
#include "crm/llm/writing_task.h"

namespace crm::agents {

//! How a batch is written.
enum class BatchFormat { kEml, kCsv };

//! What to draft and where to write it.
struct BatchOptions {
  EmailType type = EmailType::kFollowUp;
  Tone tone = Tone::kProfessional;
  std::string product;  //!< featured product; empty: each deal's own
  BatchFormat format = BatchFormat::kEml;
  std::string out_dir;   //!< created when missing
  std::time_t date = 0;  //!< the Date header of .eml files
};

//! What a batch wrote.
struct BatchResult {
  std::vector<std::string> files;    //!< paths written
  int64_t drafted = 0;               //!< emails drafted
  std::vector<std::string> skipped;  //!< "ID: why" for deals without an email (no account)
};

//! The open deals (Prospecting or Engaging at the latest date) passing the filters, ascending.
Result<std::vector<int32_t>> OpenDealsMatching(const AgentContext& context,
                                               const analytics::FilterRequest& filters);

//! Drafts an email per deal and writes them; `progress(done)` is called after each draft when given.
Result<BatchResult> WriteEmailBatch(const AgentContext& context, const std::vector<int32_t>& deals,
                                    const BatchOptions& options, const llm::TextWriter& writer,
                                    const std::function<void(size_t done)>& progress = nullptr);

}  // namespace crm::agents
