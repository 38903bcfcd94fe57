// `crm-assistant summary ACCOUNT` and `email …`: the account summary and email agents, written by the
// writer the configuration chooses (offline by default).
#include <cctype>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli_context.h"
#include "crm/agents/account_lookup.h"
#include "crm/agents/account_summary.h"
#include "crm/agents/email_batch.h"
#include "crm/agents/email_draft.h"
#include "crm/agents/eml_message.h"
#include "crm/common/progress.h"
#include "crm/export/account_report.h"
#include "crm/export/exporter.h"
#include "crm/export/pdf_writer.h"

namespace crm::cli {

namespace {

//! Batches at least this large show a progress bar.
constexpr uint64_t kProgressFrom = 200;

//! The agents' shared state over freshly loaded data and the stored models.
struct AgentSession {
  LoadedData loaded;
  std::unique_ptr<agents::AgentContext> context;
};

Result<std::unique_ptr<AgentSession>> OpenSession(const GlobalOptions& options) {
  auto loaded = LoadData(options);
  if (!loaded.ok()) return loaded.error();
  auto session = std::make_unique<AgentSession>();
  session->loaded = std::move(loaded).value();
  auto models = LoadModels(options, session->loaded.data);
  if (!models.ok()) return models.error();
  auto context = agents::AgentContext::Build(
      session->loaded.data, std::make_shared<const models::ModelSet>(std::move(models).value()));
  if (!context.ok()) return context.error();
  session->context = std::move(context).value();
  return session;
}

//! Writes the PDF report of `account` to `path` and says so.
int WriteReport(const agents::AgentContext& context, const std::string& account, const std::string& path,
                bool json) {
  auto row = agents::FindAccountByName(context.data(), account);
  if (!row.ok()) return Fail(row.error());
  auto bytes = exports::PdfBytes(exports::AccountReport(context, *row));
  if (!bytes.ok()) return Fail(bytes.error());
  const Status written = exports::WriteExportFile(path, *bytes);
  if (!written.ok()) return Fail(written.error());
  if (json) {
    PrintJson({{"file", path}, {"format", "pdf"}, {"bytes", bytes->size()}});
  } else {
    std::cout << "Wrote " << path << "\n";
  }
  return 0;
}

int UsageError(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  return 2;
}

}  // namespace

Command SummaryCommand(const GlobalOptions& options) {
  auto account = std::make_shared<std::string>();
  auto pdf = std::make_shared<std::string>();
  Command command{
      "summary", "Account briefing: metrics, health, products, risks and next best actions", {}, nullptr};
  command.options.push_back({"ACCOUNT", "the account's name (any case)", account.get(), true});
  command.options.push_back({"--pdf", "write the account report with its charts to FILE (PDF)", pdf.get()});
  command.run = [&options, account, pdf]() -> int {
    auto session = OpenSession(options);
    if (!session.ok()) return Fail(session.error());
    if (!pdf->empty()) return WriteReport(*(*session)->context, *account, *pdf, options.json);
    auto writer = ConfiguredWriter();
    if (!writer.ok()) return Fail(writer.error());
    auto summary = agents::SummarizeAccount(*(*session)->context, *account, **writer);
    if (!summary.ok()) return Fail(summary.error());
    if (options.json) {
      PrintJson(agents::ToJson(*summary));
    } else {
      std::cout << summary->text.text;
    }
    return 0;
  };
  return command;
}

Command EmailCommand(const GlobalOptions& options) {
  struct State {
    std::string account, opportunity, type = "follow_up", tone = "professional", product, to, out,
                                      format = "eml";
    bool bulk = false;
    analytics::FilterRequest filters;
  };
  auto state = std::make_shared<State>();
  Command command{"email",
                  "Draft a sales email to an account or about an opportunity, or one per open deal (--bulk)",
                  {},
                  nullptr};
  command.options = {
      {"ACCOUNT", "the account to write to (any case)", &state->account},
      {"--opportunity", "write about this opportunity (to its account, from its agent)", &state->opportunity},
      {"--type", "email type: " + agents::EmailTypeList(), &state->type},
      {"--tone", "tone: " + agents::ToneList(), &state->tone},
      {"--product", "the product to feature (with --bulk: only deals of this product)", &state->product},
      {"--to", "the contact's name for the greeting (default: the account's team)", &state->to},
      {"--bulk", "one email per open deal matching the filters", &state->bulk},
      {"--out", "with --bulk: folder to write the emails to", &state->out},
      {"--format", "with --bulk: eml (one file per email) or csv (one file)", &state->format},
      {"--sales-agent", "with --bulk: only this agent's deals", &state->filters.sales_agent},
      {"--manager", "with --bulk: only deals of this manager's agents", &state->filters.manager},
      {"--regional-office", "with --bulk: only deals of this office", &state->filters.regional_office},
      {"--sector", "with --bulk: only accounts of this sector", &state->filters.sector},
      {"--series", "with --bulk: only products of this series", &state->filters.series},
      {"--country", "with --bulk: only accounts in this country", &state->filters.country},
      {"--deal-stage", "with --bulk: Prospecting or Engaging only", &state->filters.deal_stage},
  };
  command.run = [&options, state]() -> int {
    const auto type = agents::EmailTypeFromName(state->type);
    if (!type)
      return UsageError("unknown email type '" + state->type + "'; valid: " + agents::EmailTypeList());
    const auto tone = agents::ToneFromName(state->tone);
    if (!tone) return UsageError("unknown tone '" + state->tone + "'; valid: " + agents::ToneList());
    if (state->bulk && state->out.empty()) return UsageError("--bulk needs --out DIR");
    if (state->format != "eml" && state->format != "csv")
      return UsageError("unknown format '" + state->format + "'; valid: eml, csv");
    if (!state->bulk && state->account.empty() == state->opportunity.empty())
      return UsageError("give either ACCOUNT or --opportunity ID (or --bulk with filters)");
    auto session = OpenSession(options);
    if (!session.ok()) return Fail(session.error());
    const agents::AgentContext& context = *(*session)->context;
    auto configured = ConfiguredWriter();
    if (!configured.ok()) return Fail(configured.error());
    const llm::TextWriter& writer = **configured;
    if (state->bulk) {
      state->filters.product = state->product;
      auto deals = agents::OpenDealsMatching(context, state->filters);
      if (!deals.ok()) return Fail(deals.error());
      const agents::BatchOptions batch{
          *type,          *tone,
          state->product, state->format == "csv" ? agents::BatchFormat::kCsv : agents::BatchFormat::kEml,
          state->out,     std::time(nullptr)};
      ProgressBar bar("Drafting", deals->size(), kProgressFrom);
      auto result = agents::WriteEmailBatch(context, *deals, batch, writer,
                                            [&bar](size_t done) { bar.Step(done, ""); });
      bar.Finish();
      if (!result.ok()) return Fail(result.error());
      if (options.json) {
        PrintJson({{"drafted", result->drafted},
                   {"files", result->files},
                   {"skipped", result->skipped},
                   {"email_type", state->type},
                   {"tone", state->tone}});
      } else {
        std::cout << "Drafted " << result->drafted << " emails into " << state->out << "\n";
        for (const std::string& skipped : result->skipped) std::cout << "skipped " << skipped << "\n";
      }
      return 0;
    }
    agents::EmailRequest request;
    request.type = *type;
    request.tone = *tone;
    request.product = state->product;
    request.to = state->to;
    if (!state->opportunity.empty()) {
      std::string id = state->opportunity;
      for (char& c : id) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      request.deal = context.data().FindOpportunity(id);
      if (request.deal == kNoIndex) return Fail(Error{"no opportunity with id '" + state->opportunity + "'"});
    } else {
      auto account = agents::FindAccountByName(context.data(), state->account);
      if (!account.ok()) return Fail(account.error());
      request.account = *account;
    }
    auto draft = agents::DraftEmail(context, request, writer);
    if (!draft.ok()) return Fail(draft.error());
    if (options.json) {
      PrintJson(agents::ToJson(*draft));
    } else {
      std::cout << "Subject: " << draft->email.subject << "\n\n" << draft->email.body;
    }
    return 0;
  };
  return command;
}

}  // namespace crm::cli
