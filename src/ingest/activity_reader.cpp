// Reader of activities.csv (optional): calls, emails, meetings and demos linked to agents, accounts, deals.
#include <array>

#include "crm/common/progress.h"
#include "crm/ingest/reference_resolver.h"
#include "crm/ingest/row_fields.h"
#include "crm/ingest/table_readers.h"

namespace crm::ingest {

namespace {

enum Column : size_t { kId, kDate, kType, kAgent, kAccount, kOpportunity, kSubject };
constexpr std::array<std::string_view, 7> kColumns = {
    "activity_id", "activity_date", "activity_type", "sales_agent", "account", "opportunity_id", "subject"};

//! One activity as parsed, before it is appended.
struct Activity {
  int32_t date = kNoDay, type = kNoIndex, agent = kNoIndex, account = kNoIndex, opportunity = kNoIndex;
  int32_t subject = kNoIndex;
};

// Resolves an optional reference; false (reported) when given but unknown.
bool OptionalReference(TableReader& reader, size_t column, std::string_view name, int32_t row,
                       const char* what, int32_t& out) {
  out = row;
  if (name.empty() || row != kNoIndex) return true;
  reader.Problem(column, "'" + std::string(name) + "' is not " + what);
  return false;
}

bool SameActivity(const ActivityColumns& a, int32_t row, int32_t other) {
  return a.date[row] == a.date[other] && a.type[row] == a.type[other] &&
         a.sales_agent[row] == a.sales_agent[other] && a.account[row] == a.account[other] &&
         a.opportunity[row] == a.opportunity[other] && a.subject[row] == a.subject[other];
}

// Removes activities whose id repeats an earlier one's: an exact repeat is a duplicate row, a repeat
// with other values a problem.
void RemoveRepeatedIds(ActivityColumns& activities, TableReader& reader, const std::vector<int64_t>& lines) {
  RowIndex ids;
  const auto id_of = [&activities](size_t row) { return activities.id[row]; };
  ids.Build(activities.size(), id_of);
  const std::vector<int32_t> removed = reader.JudgeRepeatedIds(
      ids.Duplicates(id_of), kId, lines, id_of,
      [&](int32_t row, int32_t first) { return SameActivity(activities, row, first); });
  if (!removed.empty()) activities.EraseRows(removed);
}

}  // namespace

Status ReadActivities(const std::string& path, Dataset& data, ProblemLog& log) {
  auto opened = TableReader::Open(path, kColumns, log);
  if (!opened.ok()) return opened.error();
  TableReader& reader = *opened;
  ReferenceResolver agents(NamesOf(data.sales_agents));
  ReferenceResolver accounts(NamesOf(data.accounts));
  ActivityColumns& activities = data.activities;
  activities.Reserve(reader.EstimateRows());
  std::vector<int64_t> lines;
  lines.reserve(reader.EstimateRows());
  // Activities usually come grouped by deal: remember the last deal looked up.
  std::string last_opportunity;
  int32_t last_opportunity_row = kNoIndex;
  const auto find_opportunity = [&](std::string_view id) {
    if (id != last_opportunity) {
      last_opportunity.assign(id);
      last_opportunity_row = data.FindOpportunity(id);
    }
    return last_opportunity_row;
  };
  ProgressBar progress("Reading " + reader.name(), reader.size_bytes(), 8 << 20);

  while (!log.fatal() && reader.Next()) {
    progress.Update(reader.position());
    const std::string_view id = reader.Field(kId), date = reader.Field(kDate), type = reader.Field(kType);
    const std::string_view agent = reader.Field(kAgent), account = reader.Field(kAccount);
    const std::string_view opportunity = reader.Field(kOpportunity);
    Activity activity;
    const std::string_view subject = reader.Field(kSubject);
    if (!RequireValue(reader, kId, id) || !RequireValue(reader, kDate, date)) continue;
    if (!ParseOptionalDate(reader, kDate, date, activity.date)) continue;
    if (!RequireValue(reader, kAgent, agent)) continue;
    if (!OptionalReference(reader, kAgent, agent, agents.Resolve(agent), "a sales agent of sales_teams.csv",
                           activity.agent) ||
        !OptionalReference(reader, kAccount, account, account.empty() ? kNoIndex : accounts.Resolve(account),
                           "an account of accounts.csv", activity.account) ||
        !OptionalReference(reader, kOpportunity, opportunity,
                           opportunity.empty() ? kNoIndex : find_opportunity(opportunity),
                           "an opportunity of sales_pipeline.csv", activity.opportunity)) {
      continue;
    }
    activity.type = type.empty() ? kNoIndex : data.activity_types.Intern(type);
    activity.subject = data.activity_subjects.Intern(subject);
    activities.id.Append(id);
    activities.date.push_back(activity.date);
    activities.type.push_back(activity.type);
    activities.sales_agent.push_back(activity.agent);
    activities.account.push_back(activity.account);
    activities.opportunity.push_back(activity.opportunity);
    activities.subject.push_back(activity.subject);
    lines.push_back(reader.line());
  }
  progress.Finish();
  if (reader.error()) return *reader.error();
  RemoveRepeatedIds(activities, reader, lines);
  if (log.fatal()) return *log.fatal();
  log.report().files.push_back(reader.Finish(log.report().cleaning));
  agents.ReportVariants(reader.name(), "sales_agent", log.report().cleaning);
  accounts.ReportVariants(reader.name(), "account", log.report().cleaning);
  return Status::Ok();
}

}  // namespace crm::ingest
